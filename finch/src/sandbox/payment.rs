//! `POST /sandbox/payment`: add a payment to a sandbox company.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().payment()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxPayment<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
