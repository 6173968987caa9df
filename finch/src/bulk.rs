//! Bulk reads: one mechanism for every batch endpoint. A request with any number of items is
//! split into batches of the size Finch accepts, at most N batches run at once, and the results
//! come back one per input, in input order, with nothing dropped: an item Finch's reply leaves out
//! and the items of a batch whose request failed are results too ([`BulkError`]).
//!
//! An endpoint takes part by implementing [`BatchRead`]: how to take its items out of a request
//! and put some back, the largest batch, and how to match a reply's item to its input. finch
//! implements it for:
//!
//! | request | endpoint | items per request | source |
//! |---|---|---|---|
//! | [`RetrieveIndividuals`] | `POST /employer/individual` | 10,000 | the spec: `requests` has `maxItems: 10000` ("Maximum 10000 items per request"); more is a 422 `batch_limit_exceeded` |
//! | [`RetrieveEmployments`] | `POST /employer/employment` | 10,000 | the spec, as above |
//! | [`RetrievePayStatements`] | `POST /employer/pay-statement` | 10 payments | the spec: `requests` has `maxItems: 10` ("Maximum 10 payment_ids per request") |
//! | [`RetrievePlanDependents`] | `POST /employer/plans-dependents` | 50 | the spec: `requests` has `maxItems: 50` |
//! | [`RetrievePlanEnrollments`] | `POST /employer/plans-enrollments` | 50 | the spec: `requests` has `maxItems: 50` |
//! | [`RetrieveLedgerItems`] | `POST /employer/ledger-items` | 10 payments (finch's choice), each followed to its last page | the spec gives no limit; 10, as for pay statements, whose requests are alike |
//! | [`RetrieveIndividualBenefits`] | `GET /employer/benefits/{benefit_id}/individuals` | 100 (finch's choice) | the spec gives no limit for `individual_ids` (one comma-separated query value); 100 ids keep the URL under 4 KB, below the 8 KB many servers and proxies accept |
//!
//! [`BulkOptions::batch_size`] makes batches smaller (never larger than the endpoint's limit).

use crate::client::Finch;
use crate::hris::{
    EmploymentResponse, EmploymentsResponse, IndividualBenefitResponse, IndividualRequest,
    IndividualResponse, IndividualsResponse, PayStatementBody, PayStatementRequest,
    PayStatementResponse, PayStatementsResponse, PlanDependentRequest, PlanDependentResponse,
    PlanDependentsResponse, PlanEnrollmentRequest, PlanEnrollmentResponse, PlanEnrollmentsResponse,
    RetrieveEmployments, RetrieveIndividualBenefits, RetrieveIndividuals, RetrievePayStatements,
    RetrievePlanDependents, RetrievePlanEnrollments,
};
use crate::payroll::{
    LedgerBatchItem, LedgerItemsRequest, LedgerItemsResponse, RetrieveLedgerItems,
};
use crate::setters::setters;
use crate::shared::{BatchBody, Callback};
use finch_core::{Endpoint, Error, PagingError};
use std::collections::{HashMap, VecDeque};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::Poll;

/// A batch endpoint: a request that reads many items (individuals, payments) in one call, each
/// answered by its own item in the reply. Implementing it is all an endpoint needs for
/// [`Finch::read_bulk`].
///
/// ```
/// use finch::bulk::BatchRead;
/// use finch::hris::RetrieveIndividuals;
/// assert_eq!(RetrieveIndividuals::MAX_BATCH, 10_000);
/// let (template, inputs) = RetrieveIndividuals::new(["a", "b", "c"]).include_ssn().into_inputs();
/// let batch = template.with_inputs(inputs[..2].to_vec());
/// assert_eq!(batch.requests.len(), 2);
/// assert!(batch.options.is_some(), "the other settings stay");
/// ```
pub trait BatchRead: Endpoint + Clone + Send + Sync + 'static {
    /// One item of the request (an individual, a payment with its page).
    type Input: Clone + Send + Sync + 'static;
    /// One item of the reply.
    type Item: Send + 'static;
    /// The most inputs Finch accepts in one request.
    const MAX_BATCH: usize;

    /// The request without its inputs (its other settings: entity, options), and the inputs.
    fn into_inputs(self) -> (Self, Vec<Self::Input>);
    /// This request (a template from [`into_inputs`](Self::into_inputs)) with `inputs`.
    fn with_inputs(&self, inputs: Vec<Self::Input>) -> Self;
    /// The id that matches an input to the reply's item for it.
    fn input_key(input: &Self::Input) -> &str;
    /// The id of a reply's item.
    fn item_key(item: &Self::Item) -> &str;
    /// The reply's items.
    fn into_items(response: Self::Response) -> Vec<Self::Item>;

    /// When an item is one page of its input's data and more pages follow: the input for the
    /// next page; an error when the page breaks the [paging rules](finch_core::paging) (the
    /// input then ends with [`BulkError::Paging`]). The default: items are whole.
    fn next_page(
        input: &Self::Input,
        item: &Self::Item,
    ) -> Result<Option<Self::Input>, PagingError> {
        let _ = (input, item);
        Ok(None)
    }

    /// Adds a later page's item to the first page's.
    fn append_page(item: &mut Self::Item, next: Self::Item) {
        let _ = (item, next);
    }
}

/// How a bulk read runs: batch size, how many batches at once, whom to tell of progress.
///
/// ```
/// use finch::bulk::BulkOptions;
/// let options = BulkOptions::new()
///     .batch_size(500)
///     .concurrency(2)
///     .on_progress(|progress| println!("{}/{}", progress.done, progress.total));
/// assert_eq!(options.concurrency, 2);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct BulkOptions {
    /// Inputs per request (default, and at most: the endpoint's [`BatchRead::MAX_BATCH`]).
    pub batch_size: Option<usize>,
    /// Requests in flight at once (default [`DEFAULT_CONCURRENCY`]; 0 counts as 1).
    pub concurrency: usize,
    on_progress: Option<Callback<dyn Fn(BulkProgress) + Send + Sync>>,
}

/// Batches in flight at once by default: enough to overlap network latency, few enough to stay
/// well inside an API's rate limits when many connections are read side by side.
pub const DEFAULT_CONCURRENCY: usize = 4;

impl Default for BulkOptions {
    fn default() -> Self {
        BulkOptions {
            batch_size: None,
            concurrency: DEFAULT_CONCURRENCY,
            on_progress: None,
        }
    }
}

impl BulkOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sends at most `size` inputs per request (capped at the endpoint's limit; 0 counts as 1).
        batch_size(size: usize);
        /// Keeps at most `requests` requests in flight at once (0 counts as 1).
        concurrency(requests: usize) bare;
    }

    // Written by hand: it wraps a closure.

    /// Calls `callback` after each request with how many inputs are done, of how many.
    pub fn on_progress(mut self, callback: impl Fn(BulkProgress) + Send + Sync + 'static) -> Self {
        self.on_progress = Some(Callback(Arc::new(callback)));
        self
    }
}

/// How far a bulk read is: inputs answered (with an item or an error), of all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct BulkProgress {
    /// Inputs done.
    pub done: usize,
    /// All inputs.
    pub total: usize,
}

/// Why an input of a bulk read has no item. (Finch's own error for one item is in the item:
/// its `body` is a `BatchBody::Error`.)
#[derive(Clone, Debug)]
#[non_exhaustive]
pub enum BulkError {
    /// Finch's reply to the batch had no item for this input.
    Missing {
        /// The input's id.
        key: String,
    },
    /// The request of the input's batch failed (after the client's retries); every input of
    /// that batch carries the same error.
    Request {
        /// The input's id.
        key: String,
        /// The batch's error.
        error: Arc<Error>,
    },
    /// A page of the input's data broke the paging rules (another offset than the one asked
    /// for), so its remaining pages could not be read; the pages read are dropped rather than
    /// passed off as all of them.
    Paging {
        /// The input's id.
        key: String,
        /// What the page did.
        error: PagingError,
    },
}

impl BulkError {
    /// The id of the input the error is about.
    pub fn key(&self) -> &str {
        match self {
            BulkError::Missing { key }
            | BulkError::Request { key, .. }
            | BulkError::Paging { key, .. } => key,
        }
    }
}

impl fmt::Display for BulkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BulkError::Missing { key } => write!(f, "{key}: Finch's reply had no item for it"),
            BulkError::Request { key, error } => write!(f, "{key}: its batch failed: {error}"),
            BulkError::Paging { key, error } => write!(f, "{key}: {error}"),
        }
    }
}

impl std::error::Error for BulkError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            BulkError::Missing { .. } => None,
            BulkError::Request { error, .. } => Some(&**error),
            BulkError::Paging { error, .. } => Some(error),
        }
    }
}

/// One result per input of a bulk read, in input order.
pub type BulkResults<T> = Vec<Result<T, BulkError>>;

/// What the workers of one bulk read share.
struct Work<R: BatchRead> {
    /// Inputs not yet sent, with their index among the original inputs.
    queue: VecDeque<(usize, R::Input)>,
    results: Vec<Option<Result<R::Item, BulkError>>>,
    done: usize,
}

impl Finch {
    /// Reads every input of `request`, however many, through its batch endpoint: batches of
    /// [`BatchRead::MAX_BATCH`] (or [`BulkOptions::batch_size`]), at most
    /// [`BulkOptions::concurrency`] at once, each with the client's retries. One result per
    /// input, in input order: the reply's item for it (which may hold Finch's error for that
    /// item), or a [`BulkError`] when the reply had no item for it or its batch failed. Items
    /// that come a page at a time (pay statements) are read to their last page and joined.
    ///
    /// An input given twice is read twice. Runs on any async runtime (nothing is spawned).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch, ids: Vec<String>) {
    /// use finch::bulk::BulkOptions;
    /// use finch::hris::RetrieveIndividuals;
    /// let results = finch
    ///     .read_bulk(RetrieveIndividuals::new(ids), BulkOptions::new().concurrency(2))
    ///     .await;
    /// for result in results {
    ///     match result.map(|item| item.body.into_result()) {
    ///         Ok(Ok(individual)) => println!("{:?}", individual.first_name),
    ///         Ok(Err(finch_error)) => eprintln!("Finch: {finch_error}"),
    ///         Err(missing_or_failed) => eprintln!("{missing_or_failed}"),
    ///     }
    /// }
    /// # }
    /// ```
    pub async fn read_bulk<R: BatchRead>(
        &self,
        request: R,
        options: BulkOptions,
    ) -> BulkResults<R::Item> {
        let (template, inputs) = request.into_inputs();
        let total = inputs.len();
        let batch_size = options
            .batch_size
            .unwrap_or(R::MAX_BATCH)
            .clamp(1, R::MAX_BATCH.max(1));
        let work = Mutex::new(Work::<R> {
            queue: inputs.into_iter().enumerate().collect(),
            results: (0..total).map(|_| None).collect(),
            done: 0,
        });
        let workers = options
            .concurrency
            .max(1)
            .min(total.div_ceil(batch_size).max(1));
        let mut running: Vec<Pin<Box<dyn Future<Output = ()> + Send + '_>>> = (0..workers)
            .map(|_| {
                Box::pin(self.bulk_worker(&template, &work, batch_size, total, &options))
                    as Pin<Box<dyn Future<Output = ()> + Send + '_>>
            })
            .collect();
        // The workers run side by side in this task: each wake polls those still running.
        std::future::poll_fn(|cx| {
            running.retain_mut(|worker| worker.as_mut().poll(cx).is_pending());
            if running.is_empty() {
                Poll::Ready(())
            } else {
                Poll::Pending
            }
        })
        .await;
        drop(running);
        let work = work.into_inner().unwrap_or_else(PoisonError::into_inner);
        work.results
            .into_iter()
            .map(|result| {
                // Every input is answered before its worker ends; this is never `None`.
                result.unwrap_or_else(|| Err(BulkError::Missing { key: String::new() }))
            })
            .collect()
    }

    /// Takes batches off the queue until it is empty. A worker that puts a next page back on
    /// the queue takes it up itself, so nothing put back is left behind.
    async fn bulk_worker<R: BatchRead>(
        &self,
        template: &R,
        work: &Mutex<Work<R>>,
        batch_size: usize,
        total: usize,
        options: &BulkOptions,
    ) {
        let lock = || work.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            let batch: Vec<(usize, R::Input)> = {
                let mut work = lock();
                let take = batch_size.min(work.queue.len());
                work.queue.drain(..take).collect()
            };
            if batch.is_empty() {
                return;
            }
            let inputs: Vec<R::Input> = batch.iter().map(|(_, input)| input.clone()).collect();
            let reply = self.send(&template.with_inputs(inputs)).await;
            let mut guard = lock();
            // A plain reference, so that the queue and the results are borrowed apart.
            let work = &mut *guard;
            let before = work.done;
            match reply {
                Ok(response) => {
                    // Items by id, in reply order, so that an input given twice gets one each.
                    let mut items: HashMap<String, VecDeque<R::Item>> = HashMap::new();
                    for item in R::into_items(response) {
                        items
                            .entry(R::item_key(&item).to_owned())
                            .or_default()
                            .push_back(item);
                    }
                    for (index, input) in batch {
                        let key = R::input_key(&input);
                        let Some(item) = items.get_mut(key).and_then(VecDeque::pop_front) else {
                            let missing = BulkError::Missing {
                                key: key.to_owned(),
                            };
                            settle(work, index, Err(missing));
                            continue;
                        };
                        let next = match R::next_page(&input, &item) {
                            Ok(next) => next,
                            Err(error) => {
                                let key = key.to_owned();
                                settle(work, index, Err(BulkError::Paging { key, error }));
                                continue;
                            }
                        };
                        match (&mut work.results[index], next) {
                            (Some(Ok(first)), next) => {
                                R::append_page(first, item);
                                match next {
                                    Some(next) => work.queue.push_back((index, next)),
                                    None => work.done += 1,
                                }
                            }
                            (slot @ None, Some(next)) => {
                                *slot = Some(Ok(item));
                                work.queue.push_back((index, next));
                            }
                            (_, None) => settle(work, index, Ok(item)),
                            // A failed earlier page already settled it.
                            (Some(Err(_)), Some(_)) => {}
                        }
                    }
                }
                Err(error) => {
                    let error = Arc::new(error);
                    for (index, input) in batch {
                        let failed = BulkError::Request {
                            key: R::input_key(&input).to_owned(),
                            error: Arc::clone(&error),
                        };
                        settle(work, index, Err(failed));
                    }
                }
            }
            let done = work.done;
            drop(guard);
            if done != before
                && let Some(callback) = &options.on_progress
            {
                callback(BulkProgress { done, total });
            }
        }
    }
}

// The twin of the hand-written `read_bulk`: the same call, waited for on the blocking client's
// runtime thread.
#[cfg(feature = "blocking")]
impl crate::blocking::Finch {
    /// [`Finch::read_bulk`](crate::Finch::read_bulk), waiting on the calling thread.
    ///
    /// ```
    /// # fn demo(finch: finch::blocking::Finch, ids: Vec<String>) {
    /// use finch::bulk::BulkOptions;
    /// let results = finch.read_bulk(finch::hris::RetrieveEmployments::new(ids), BulkOptions::new());
    /// # }
    /// ```
    pub fn read_bulk<R: BatchRead>(
        &self,
        request: R,
        options: BulkOptions,
    ) -> BulkResults<R::Item> {
        self.runtime()
            .block_on(self.as_async().read_bulk(request, options))
    }
}

/// Records the last result of input `index` (a failed later page replaces the pages read so
/// far: the item would be incomplete).
fn settle<R: BatchRead>(work: &mut Work<R>, index: usize, result: Result<R::Item, BulkError>) {
    work.results[index] = Some(result);
    work.done += 1;
}

/// `BatchRead` for a batch request (`requests: [{<key>: id, ..}]`) whose reply's `responses`
/// carry the same `<key>`, at most `max` a request.
///
/// With `page` and `: Body::Data.pages` after the reply's item, a request of payments
/// (`requests: [{payment_id, offset, limit}]`) whose reply gives each payment one page of its
/// data: each payment is followed to its last page by its request's `next_page`, and the pages'
/// `pages` joined. A payment asked for without a page size asks for `page` (`Some(largest page)`,
/// since larger pages mean fewer requests; `None` leaves Finch's default).
macro_rules! batch_read {
    ($(
        $request:ident($input:ident.$key:ident, max $max:expr $(, page $page:expr)?)
            => $response:ident { $item:ident $(: $body:ident::Data.$pages:ident)? }
    ),* $(,)?) => {$(
        impl BatchRead for $request {
            type Input = $input;
            type Item = $item;
            const MAX_BATCH: usize = $max;

            fn into_inputs(mut self) -> (Self, Vec<$input>) {
                let inputs = std::mem::take(&mut self.requests);
                $(
                    let mut inputs = inputs;
                    if let Some(page) = $page {
                        for input in &mut inputs {
                            input.limit.get_or_insert(page);
                        }
                    }
                )?
                (self, inputs)
            }

            fn with_inputs(&self, inputs: Vec<$input>) -> Self {
                $request {
                    requests: inputs,
                    ..self.clone()
                }
            }

            fn input_key(input: &$input) -> &str {
                &input.$key
            }

            fn item_key(item: &$item) -> &str {
                &item.$key
            }

            fn into_items(response: $response) -> Vec<$item> {
                response.responses
            }

            $(
                fn next_page(input: &$input, item: &$item) -> Result<Option<$input>, PagingError> {
                    match item.body.data() {
                        Some(page) => input.next_page(page),
                        None => Ok(None),
                    }
                }

                fn append_page(item: &mut $item, next: $item) {
                    match (&mut item.body, next.body) {
                        ($body::Data(first), $body::Data(more)) => first.$pages.extend(more.$pages),
                        // A later page that is an error (or "still syncing") replaces the partial
                        // data: the payment's items are not all there.
                        (_, other) => {
                            item.code = next.code;
                            item.body = other;
                        }
                    }
                }
            )?
        }
    )*};
}

// The sizes are the spec's `maxItems` of each request's `requests`.
batch_read! {
    RetrieveIndividuals(IndividualRequest.individual_id, max 10_000)
        => IndividualsResponse { IndividualResponse },
    RetrieveEmployments(IndividualRequest.individual_id, max 10_000)
        => EmploymentsResponse { EmploymentResponse },
    RetrievePlanDependents(PlanDependentRequest.dependent_id, max 50)
        => PlanDependentsResponse { PlanDependentResponse },
    RetrievePlanEnrollments(PlanEnrollmentRequest.enrollment_id, max 50)
        => PlanEnrollmentsResponse { PlanEnrollmentResponse },
}

/// The largest page of one payment's statements Finch serves (the spec: `limit` "maximum 5000").
const PAY_STATEMENT_PAGE: u64 = 5_000;

/// Payments per ledger request: the spec gives no limit; finch sends 10, as for pay statements,
/// whose requests are alike (one payment each, paged on its own).
const LEDGER_PAYMENTS_PER_REQUEST: usize = 10;

// Pay statements: 10 payments a request, the spec's `maxItems`.
batch_read! {
    RetrievePayStatements(PayStatementRequest.payment_id, max 10, page Some(PAY_STATEMENT_PAGE))
        => PayStatementsResponse { PayStatementResponse: PayStatementBody::Data.pay_statements },
    RetrieveLedgerItems(
        LedgerItemsRequest.payment_id,
        max LEDGER_PAYMENTS_PER_REQUEST,
        page None::<u64>
    ) => LedgerItemsResponse { LedgerBatchItem: BatchBody::Data.ledger_items },
}

/// `individual_ids` per request: the spec gives no limit for this one comma-separated query
/// value; 100 UUIDs (3.7 KB) keep the URL within the 8 KB servers and proxies commonly accept.
const BENEFIT_IDS_PER_REQUEST: usize = 100;

impl BatchRead for RetrieveIndividualBenefits {
    type Input = String;
    type Item = IndividualBenefitResponse;
    const MAX_BATCH: usize = BENEFIT_IDS_PER_REQUEST;

    /// The individuals named; none (`individual_ids` unset, which asks for everyone in one
    /// request) is no input for a bulk read.
    fn into_inputs(mut self) -> (Self, Vec<String>) {
        let inputs = self
            .individual_ids
            .take()
            .map(|ids| ids.0)
            .unwrap_or_default();
        (self, inputs)
    }

    fn with_inputs(&self, inputs: Vec<String>) -> Self {
        self.clone().individual_ids(inputs)
    }

    fn input_key(input: &String) -> &str {
        input
    }

    fn item_key(item: &IndividualBenefitResponse) -> &str {
        &item.individual_id
    }

    fn into_items(response: Vec<IndividualBenefitResponse>) -> Vec<IndividualBenefitResponse> {
        response
    }
}
