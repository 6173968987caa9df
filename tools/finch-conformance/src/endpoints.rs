//! Every endpoint finch declares, with its types: `finch::operations()` describes the
//! declarations as data (no types), so the checks that decode into a response type list the
//! request types here. [`typed_list_mismatches`] (run by the tests and by the binary) says when
//! this list and `finch::operations()` differ.

use crate::roundtrip::{decoded_roundtrip, roundtrip};
use finch::Endpoint;
use serde::Serialize;
use serde::de::DeserializeOwned;
use std::collections::BTreeSet;
use std::fmt::Debug;

/// Something done for each declared endpoint type: [`visit_endpoints`] calls
/// [`visit`](EndpointVisitor::visit) once per endpoint.
///
/// ```
/// use finch::Endpoint;
/// use finch_conformance::EndpointVisitor;
///
/// struct Names(Vec<&'static str>);
/// impl EndpointVisitor for Names {
///     fn visit<E>(&mut self)
///     where
///         E: Endpoint,
///         E::Response: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
///     {
///         self.0.push(E::NAME);
///     }
/// }
/// let mut names = Names(Vec::new());
/// finch_conformance::visit_endpoints(&mut names);
/// assert!(names.0.contains(&"ListDirectory"));
/// ```
pub trait EndpointVisitor {
    /// Called with one declared endpoint type.
    fn visit<E>(&mut self)
    where
        E: Endpoint,
        E::Response: DeserializeOwned + Serialize + PartialEq + Debug;
}

/// Calls `visitor` with every endpoint finch declares, in the order of `finch::operations()`.
pub fn visit_endpoints(visitor: &mut impl EndpointVisitor) {
    use finch::{account, connect, hris, jobs, payroll, providers, request_forwarding, sandbox};

    visitor.visit::<finch::CreateAccessToken>();
    visitor.visit::<account::Introspect>();
    visitor.visit::<account::Disconnect>();
    visitor.visit::<account::DisconnectEntity>();
    visitor.visit::<connect::CreateConnectSession>();
    visitor.visit::<connect::ReauthenticateConnectSession>();
    visitor.visit::<hris::ListBenefits>();
    visitor.visit::<hris::CreateBenefit>();
    visitor.visit::<hris::ListSupportedBenefits>();
    visitor.visit::<hris::RegisterBenefit>();
    visitor.visit::<hris::RetrieveBenefit>();
    visitor.visit::<hris::UpdateBenefit>();
    visitor.visit::<hris::ListEnrolledIndividualIds>();
    visitor.visit::<hris::RetrieveIndividualBenefits>();
    visitor.visit::<hris::EnrollIndividuals>();
    visitor.visit::<hris::UnenrollIndividuals>();
    visitor.visit::<hris::RetrieveCompany>();
    visitor.visit::<hris::ListDirectory>();
    visitor.visit::<hris::ListDocuments>();
    visitor.visit::<hris::RetrieveDocument>();
    visitor.visit::<hris::RetrieveEmployments>();
    visitor.visit::<hris::RetrieveIndividuals>();
    visitor.visit::<hris::ListPayStatementItems>();
    visitor.visit::<hris::ListPayStatementItemRules>();
    visitor.visit::<hris::CreatePayStatementItemRule>();
    visitor.visit::<hris::UpdatePayStatementItemRule>();
    visitor.visit::<hris::DeletePayStatementItemRule>();
    visitor.visit::<hris::RetrievePayStatements>();
    visitor.visit::<hris::ListPayments>();
    visitor.visit::<hris::ListPlanDependents>();
    visitor.visit::<hris::RetrievePlanDependents>();
    visitor.visit::<hris::ListPlanEnrollments>();
    visitor.visit::<hris::RetrievePlanEnrollments>();
    visitor.visit::<hris::ListPlans>();
    visitor.visit::<hris::RetrievePlan>();
    visitor.visit::<jobs::ListAutomatedJobs>();
    visitor.visit::<jobs::CreateAutomatedJob>();
    visitor.visit::<jobs::RetrieveAutomatedJob>();
    visitor.visit::<jobs::RetrieveManualJob>();
    visitor.visit::<payroll::RetrieveLedgerItems>();
    visitor.visit::<payroll::ListPayGroups>();
    visitor.visit::<payroll::RetrievePayGroup>();
    visitor.visit::<providers::ListProviders>();
    visitor.visit::<request_forwarding::ForwardRequest>();
    visitor.visit::<sandbox::UpdateSandboxCompany>();
    visitor.visit::<sandbox::CreateSandboxConnection>();
    visitor.visit::<sandbox::CreateSandboxAccount>();
    visitor.visit::<sandbox::UpdateSandboxAccount>();
    visitor.visit::<sandbox::CreateSandboxDirectory>();
    visitor.visit::<sandbox::UpdateSandboxEmployment>();
    visitor.visit::<sandbox::UpdateSandboxIndividual>();
    visitor.visit::<sandbox::CreateSandboxJob>();
    visitor.visit::<sandbox::RetrieveSandboxJobConfiguration>();
    visitor.visit::<sandbox::UpdateSandboxJobConfiguration>();
    visitor.visit::<sandbox::CreateSandboxPayment>();
}

/// One declared endpoint with the checks of its response type.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct TypedOperation {
    /// The request type (`ListDirectory`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: http::Method,
    /// The path template.
    pub path: &'static str,
    /// The response type's name, as `finch::Operation::response_type`.
    pub response_type: String,
    roundtrip: fn(&[u8]) -> Result<(), String>,
    decoded_roundtrip: fn(&[u8]) -> Option<Result<(), String>>,
}

impl TypedOperation {
    /// [`roundtrip`](crate::roundtrip) with this operation's response type.
    ///
    /// ```
    /// let token = finch_conformance::typed_operations().into_iter().find(|op| op.path == "/auth/token").unwrap();
    /// let body = br#"{"access_token":"t","token_type":"bearer","connection_id":"c","client_type":"sandbox",
    ///     "connection_type":"finch","products":[],"provider_id":"p","entity_ids":[],"brand_new":1}"#;
    /// let error = token.check_roundtrip(body).unwrap_err();
    /// assert!(error.contains("brand_new"), "{error}");
    /// ```
    pub fn check_roundtrip(&self, body: &[u8]) -> Result<(), String> {
        (self.roundtrip)(body)
    }

    /// [`decoded_roundtrip`](crate::decoded_roundtrip) with this operation's response type: for
    /// fuzzing.
    ///
    /// ```
    /// let directory = finch_conformance::typed_operations().into_iter().find(|op| op.path == "/employer/directory").unwrap();
    /// assert!(directory.check_decoded_roundtrip(b"\xff not json").is_none());
    /// assert_eq!(directory.check_decoded_roundtrip(br#"{"paging":{"offset":0},"individuals":[]}"#), Some(Ok(())));
    /// ```
    pub fn check_decoded_roundtrip(&self, body: &[u8]) -> Option<Result<(), String>> {
        (self.decoded_roundtrip)(body)
    }
}

/// Every endpoint of [`visit_endpoints`], with its checks.
pub fn typed_operations() -> Vec<TypedOperation> {
    struct Collect(Vec<TypedOperation>);
    impl EndpointVisitor for Collect {
        fn visit<E>(&mut self)
        where
            E: Endpoint,
            E::Response: DeserializeOwned + Serialize + PartialEq + Debug,
        {
            self.0.push(TypedOperation {
                name: E::NAME,
                method: E::METHOD,
                path: E::PATH,
                response_type: finch::Operation::of::<E>().response_type,
                roundtrip: roundtrip::<E::Response>,
                decoded_roundtrip: decoded_roundtrip::<E::Response>,
            });
        }
    }
    let mut collect = Collect(Vec::new());
    visit_endpoints(&mut collect);
    collect.0
}

/// Where [`visit_endpoints`] and `finch::operations()` differ: an operation declared (and added to
/// `finch/src/operations.rs`) but not listed here, or listed here but not declared. Empty when
/// they agree.
pub fn typed_list_mismatches() -> Vec<String> {
    let key = |name: &str, method: &http::Method, path: &str| format!("{method} {path} ({name})");
    let declared: BTreeSet<String> = finch::operations()
        .iter()
        .map(|op| key(op.name, &op.method, op.path))
        .collect();
    let typed: BTreeSet<String> = typed_operations()
        .iter()
        .map(|op| key(op.name, &op.method, op.path))
        .collect();
    let untyped = declared.difference(&typed).map(|op| {
        format!("{op} is in finch::operations() but not in finch_conformance::visit_endpoints")
    });
    let undeclared = typed.difference(&declared).map(|op| {
        format!("{op} is in finch_conformance::visit_endpoints but not in finch::operations()")
    });
    untyped.chain(undeclared).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_operation_is_listed_with_its_types() {
        let mismatches = typed_list_mismatches();
        assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
        assert_eq!(typed_operations().len(), finch::operations().len());
    }
}
