//! `POST /employer/pay-statement`: pay statements of payments, in batches.

use crate::handles::handle;
use crate::hris::BenefitType;
use crate::open_enum::open_enum;
use crate::setters::setters;
use crate::shared::{
    BatchBody, BatchError, Money, Paging, batch_request, batch_results, decode_buffered,
};
use finch_core::PagingError;
use finch_macros::model;
use serde::{Deserialize, Deserializer, Serialize};

/// Free-form labels attached to a pay-statement item by the company's rules: keys and values of
/// any JSON type.
pub type Metadata = serde_json::Map<String, serde_json::Value>;

batch_request! {
    /// Read the pay statements of payments (`POST /employer/pay-statement`), up to 10 payments per
    /// request.
    ///
    /// Each payment's statements come a page at a time (`limit` default 100, at most 5,000); ask for
    /// the rest with [`PayStatementRequest::next_page`].
    ///
    /// ```
    /// use finch::hris::{PayStatementRequest, RetrievePayStatements};
    /// let request = RetrievePayStatements::new(["fc8b024e-d373-4c9c-80fc-f1625383d142"]);
    /// assert_eq!(request.requests[0].limit, None);
    ///
    /// let paged = RetrievePayStatements::from_requests([
    ///     PayStatementRequest::new("fc8b024e-d373-4c9c-80fc-f1625383d142").limit(500).offset(500),
    /// ]);
    /// assert_eq!(paged.requests[0].offset, Some(500));
    /// ```
    #[finch_endpoint(POST "/employer/pay-statement", response = PayStatementsResponse)]
    pub struct RetrievePayStatements {
        /// The payments to read (1 to 10).
        requests: Vec<PayStatementRequest>,
        entity_ids,
    }
    impl {
        /// The first page of each payment's statements, with Finch's default page size.
        new(payment_ids), from_requests;
    }
}

/// The pay statements to read of one payment.
///
/// ```
/// let request = finch::hris::PayStatementRequest::new("fc8b024e").limit(1000);
/// assert_eq!(request.limit, Some(1000));
/// ```
#[model(Eq)]
pub struct PayStatementRequest {
    /// The payment's Finch id.
    pub payment_id: String,
    /// Page size (Finch's default is 100, its maximum 5,000).
    pub limit: Option<u64>,
    /// Index of the first statement of the page (default 0).
    pub offset: Option<u64>,
}

impl PayStatementRequest {
    /// The first page of the payment's statements.
    pub fn new(payment_id: impl Into<String>) -> Self {
        PayStatementRequest {
            payment_id: payment_id.into(),
            limit: None,
            offset: None,
        }
    }

    setters! {
        /// Sets the page size.
        limit(limit: u64);
        /// Starts at `offset`.
        offset(offset: u64);
    }

    /// The request for the page after `page` (which this request returned), `Ok(None)` when it
    /// was the last, by the rules of [`finch_core::paging`]: the same payment and page size, the
    /// offset moved past `page`'s statements while pages come back full (a limit above Finch's
    /// maximum of 5,000 counts as 5,000) or the count says more follow; without a limit, until an
    /// empty page. A page that reports another offset than the one asked for is an error.
    ///
    /// ```
    /// # fn demo(page: finch::hris::PayStatementPage) -> Result<(), finch::PagingError> {
    /// let first = finch::hris::PayStatementRequest::new("fc8b024e").limit(100);
    /// if let Some(next) = first.next_page(&page)? {
    ///     // send `RetrievePayStatements::from_requests([next])`
    /// }
    /// # Ok(()) }
    /// ```
    pub fn next_page(
        &self,
        page: &PayStatementPage,
    ) -> Result<Option<PayStatementRequest>, PagingError> {
        let next = page.paging.next_offset(
            "PayStatementRequest",
            self.offset.unwrap_or(0),
            self.limit.map(|limit| limit.min(MAX_PAGE)),
            page.pay_statements.len(),
        )?;
        Ok(next.map(|offset| PayStatementRequest {
            offset: Some(offset),
            ..self.clone()
        }))
    }
}

/// The largest page of pay statements Finch serves for one payment.
const MAX_PAGE: u64 = 5_000;

batch_results! {
    /// The batch's results, one per requested payment.
    pub struct PayStatementsResponse;
    /// The result for one payment.
    pub struct PayStatementResponse {
        /// The payment's Finch id.
        payment_id,
        /// The statements, "still syncing" (`code` 202, while Finch is still fetching them), or
        /// the error for this item.
        body: PayStatementBody,
    }
}

/// The body of one payment's result: a page of statements, "still syncing", or an error.
///
/// Nothing in the JSON names the variant; it is decided by shape. An object whose `finch_code`
/// is `data_sync_in_progress` is [`SyncInProgress`](PayStatementBody::SyncInProgress); one with a
/// numeric `code` and string `message` and `name` is an [`Error`](PayStatementBody::Error);
/// anything else is decoded as [`Data`](PayStatementBody::Data), and a failure names the path
/// inside the body.
///
/// ```
/// use finch::hris::PayStatementBody;
/// let body: PayStatementBody = serde_json::from_str(r#"{"code": 202, "finch_code": "data_sync_in_progress",
///     "message": "The pay statements for this payment are being fetched. Please check back later.", "name": "accepted"}"#)?;
/// assert!(body.is_sync_in_progress());
/// let body: PayStatementBody = serde_json::from_str(r#"{"paging": {"offset": 0}, "pay_statements": []}"#)?;
/// assert_eq!(body.data().map(|page| page.pay_statements.len()), Some(0));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum PayStatementBody {
    /// A page of the payment's statements.
    Data(PayStatementPage),
    /// Finch is still fetching this payment's statements; ask again later.
    SyncInProgress(PayStatementSyncInProgress),
    /// Finch's error for this payment.
    Error(BatchError),
}

impl PayStatementBody {
    /// The page of statements, if the item succeeded.
    pub fn data(&self) -> Option<&PayStatementPage> {
        match self {
            PayStatementBody::Data(page) => Some(page),
            _ => None,
        }
    }

    /// The item's error, if it failed.
    pub fn error(&self) -> Option<&BatchError> {
        match self {
            PayStatementBody::Error(error) => Some(error),
            _ => None,
        }
    }

    /// `true` while Finch is still fetching the statements.
    pub fn is_sync_in_progress(&self) -> bool {
        matches!(self, PayStatementBody::SyncInProgress(_))
    }
}

impl<'de> Deserialize<'de> for PayStatementBody {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        let syncing = value.get("finch_code").and_then(serde_json::Value::as_str)
            == Some("data_sync_in_progress");
        if syncing {
            return decode_buffered(value).map(PayStatementBody::SyncInProgress);
        }
        // The body is already buffered (to look for the "syncing" marker), so the path inside it
        // is tracked here.
        let body: BatchBody<PayStatementPage> = decode_buffered(value)?;
        match body {
            BatchBody::Data(page) => Ok(PayStatementBody::Data(page)),
            BatchBody::Error(error) => Ok(PayStatementBody::Error(error)),
        }
    }
}

/// Finch's "still fetching" answer for one payment (`code` 202, `finch_code`
/// `data_sync_in_progress`, `name` `accepted`).
#[model(Eq)]
pub struct PayStatementSyncInProgress {
    /// 202.
    pub code: u16,
    /// `data_sync_in_progress`.
    pub finch_code: String,
    /// A short English description.
    pub message: String,
    /// `accepted`.
    pub name: String,
}

/// One page of a payment's pay statements.
#[model]
pub struct PayStatementPage {
    /// Where the page sits among the payment's statements.
    pub paging: Paging,
    /// The statements on the page.
    pub pay_statements: Vec<PayStatement>,
}

/// One individual's pay statement for a payment. Amounts are integer cents.
#[model(required)]
pub struct PayStatement {
    /// The individual's Finch id.
    pub individual_id: String,
    /// Regular, off-cycle or one-time.
    #[serde(rename = "type")]
    pub statement_type: Option<PayStatementType>,
    /// How the individual was paid.
    pub payment_method: Option<PaymentMethod>,
    /// The hours worked in the period.
    pub total_hours: Option<f64>,
    /// Gross pay.
    pub gross_pay: Option<Money>,
    /// Net pay.
    pub net_pay: Option<Money>,
    /// Earnings.
    pub earnings: Option<Vec<Option<PayStatementEarning>>>,
    /// Taxes.
    pub taxes: Option<Vec<PayStatementTax>>,
    /// Deductions from the employee's pay.
    pub employee_deductions: Option<Vec<PayStatementEmployeeDeduction>>,
    /// The employer's contributions.
    pub employer_contributions: Option<Vec<PayStatementEmployerContribution>>,
}

/// An earning on a pay statement.
#[model(required)]
pub struct PayStatementEarning {
    /// The kind of earning.
    #[serde(rename = "type")]
    pub earning_type: Option<EarningType>,
    /// The earning's name as the provider labels it.
    pub name: Option<String>,
    /// The amount in cents.
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: Option<String>,
    /// The hours the earning is for (fractional).
    pub hours: Option<f64>,
    /// What the company's rules attached to the earning.
    #[model(optional)]
    pub attributes: Option<PayStatementItemAttributes>,
}

/// A tax on a pay statement.
#[model(Eq, required)]
pub struct PayStatementTax {
    /// The kind of tax.
    #[serde(rename = "type")]
    pub tax_type: Option<TaxType>,
    /// The tax's name as the provider labels it.
    pub name: Option<String>,
    /// `true` when the employer pays the tax.
    pub employer: Option<bool>,
    /// The amount in cents.
    #[model(optional)]
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: Option<String>,
    /// What the company's rules attached to the tax.
    #[model(optional)]
    pub attributes: Option<PayStatementItemAttributes>,
}

/// A deduction from the employee's pay.
#[model(Eq, required)]
pub struct PayStatementEmployeeDeduction {
    /// The deduction's name as the provider labels it.
    pub name: Option<String>,
    /// The amount in cents.
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: Option<String>,
    /// `true` when the deduction is taken before taxes.
    pub pre_tax: Option<bool>,
    /// The benefit the deduction is for.
    #[serde(rename = "type")]
    pub benefit_type: Option<BenefitType>,
    /// What the company's rules attached to the deduction.
    #[model(optional)]
    pub attributes: Option<PayStatementItemAttributes>,
}

/// A contribution the employer made.
#[model(Eq, required)]
pub struct PayStatementEmployerContribution {
    /// The contribution's name as the provider labels it.
    pub name: Option<String>,
    /// The amount in cents.
    #[model(optional)]
    pub amount: Option<i64>,
    /// The currency code.
    pub currency: Option<String>,
    /// The benefit the contribution is for.
    #[serde(rename = "type")]
    pub benefit_type: Option<BenefitType>,
    /// What the company's rules attached to the contribution.
    #[model(optional)]
    pub attributes: Option<PayStatementItemAttributes>,
}

/// What the company's pay-statement-item rules attached to an item of a statement.
#[model(Eq, Default)]
pub struct PayStatementItemAttributes {
    /// The labels, as the rules set them.
    pub metadata: Metadata,
}

open_enum! {
    /// The kind of a pay statement.
    pub enum PayStatementType {
        /// A regular payroll run.
        RegularPayroll = "regular_payroll",
        /// An off-cycle payroll run.
        OffCyclePayroll = "off_cycle_payroll",
        /// A one-time payment.
        OneTimePayment = "one_time_payment",
    }
}

open_enum! {
    /// How an individual was paid.
    pub enum PaymentMethod {
        /// By check.
        Check = "check",
        /// By direct deposit.
        DirectDeposit = "direct_deposit",
        /// Another way.
        Other = "other",
    }
}

open_enum! {
    /// The kind of an earning.
    pub enum EarningType {
        /// Salary.
        Salary = "salary",
        /// Wage.
        Wage = "wage",
        /// Reimbursement.
        Reimbursement = "reimbursement",
        /// Overtime.
        Overtime = "overtime",
        /// Severance.
        Severance = "severance",
        /// Double overtime.
        DoubleOvertime = "double_overtime",
        /// Paid time off.
        Pto = "pto",
        /// Sick pay.
        Sick = "sick",
        /// Bonus.
        Bonus = "bonus",
        /// Commission.
        Commission = "commission",
        /// Tips.
        Tips = "tips",
        /// Contractor pay reported on a 1099 (`"1099"` on the wire).
        Form1099 = "1099",
        /// Another kind.
        Other = "other",
    }
}

open_enum! {
    /// The kind of a tax.
    pub enum TaxType {
        /// State tax.
        State = "state",
        /// Federal tax.
        Federal = "federal",
        /// Local tax.
        Local = "local",
        /// FICA (Social Security and Medicare).
        Fica = "fica",
    }
}

handle! {
    /// `client.hris().pay_statements()`.
    pub struct PayStatements<'a> {
        /// Reads the pay statements of up to 10 payments in one batch (`POST /employer/pay-statement`).
        ///
        /// For any number of payments, each read to its last page, see
        /// [`Finch::read_bulk`](crate::Finch::read_bulk).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{PayStatementBody, RetrievePayStatements};
        /// let request = RetrievePayStatements::new(["fc8b024e-d373-4c9c-80fc-f1625383d142"]);
        /// let batch = finch.hris().pay_statements().retrieve_many(request).await?;
        /// for item in batch.responses {
        ///     match item.body {
        ///         PayStatementBody::Data(page) => {
        ///             for statement in page.pay_statements {
        ///                 println!("{}: {:?}", statement.individual_id, statement.net_pay);
        ///             }
        ///         }
        ///         PayStatementBody::SyncInProgress(_) => println!("{}: ask again later", item.payment_id),
        ///         PayStatementBody::Error(error) => eprintln!("{}: {error}", item.payment_id),
        ///         _ => {}
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many(self, request: RetrievePayStatements) -> Result<PayStatementsResponse, Error>;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_pick_their_variant_by_shape() {
        let syncing: PayStatementBody = serde_json::from_str(
            r#"{"code":202,"finch_code":"data_sync_in_progress","message":"later","name":"accepted"}"#,
        )
        .unwrap();
        assert!(syncing.is_sync_in_progress());
        let error: PayStatementBody = serde_json::from_str(
            r#"{"code":404,"finch_code":"payment_not_found","message":"nope","name":"not_found_error"}"#,
        )
        .unwrap();
        assert_eq!(error.error().map(|e| e.code), Some(404));
        let page: PayStatementBody =
            serde_json::from_str(r#"{"paging":{"count":1,"offset":0},"pay_statements":[]}"#)
                .unwrap();
        assert!(page.data().is_some());
    }

    #[test]
    fn failures_say_where_inside_the_body() {
        let broken = serde_json::from_str::<PayStatementBody>(
            r#"{"paging":{"offset":0},"pay_statements":[{"individual_id":"a","type":null,"payment_method":null,
            "total_hours":"many","gross_pay":null,"net_pay":null,"earnings":null,"taxes":null,
            "employee_deductions":null,"employer_contributions":null}]}"#,
        )
        .unwrap_err();
        assert!(
            broken
                .to_string()
                .contains("in `pay_statements[0].total_hours`"),
            "{broken}"
        );
        let broken = serde_json::from_str::<PayStatementBody>(
            r#"{"code":"202","finch_code":"data_sync_in_progress","message":"later","name":"accepted"}"#,
        )
        .unwrap_err();
        assert!(broken.to_string().contains("in `code`"), "{broken}");
    }

    #[test]
    fn next_page_moves_the_offset() {
        let page: PayStatementPage =
            serde_json::from_str(r#"{"paging":{"count":3,"offset":0},"pay_statements":[]}"#)
                .unwrap();
        // An empty page ends the walk.
        assert_eq!(PayStatementRequest::new("p").next_page(&page), Ok(None));
        let statement = r#"{"individual_id":"a","type":null,"payment_method":null,"total_hours":null,
            "gross_pay":null,"net_pay":null,"earnings":null,"taxes":null,"employee_deductions":null,
            "employer_contributions":null}"#;
        let page: PayStatementPage = serde_json::from_str(&format!(
            r#"{{"paging":{{"count":3,"offset":0}},"pay_statements":[{statement},{statement}]}}"#
        ))
        .unwrap();
        let next = PayStatementRequest::new("p")
            .limit(2)
            .next_page(&page)
            .unwrap()
            .unwrap();
        assert_eq!((next.limit, next.offset), (Some(2), Some(2)));
        // A page at another offset than the one asked for is an error, not a loop.
        let error = next.next_page(&page).unwrap_err();
        assert_eq!(
            error.kind,
            finch_core::PagingErrorKind::WrongOffset { received: 0 }
        );
    }
}
