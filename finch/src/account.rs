//! `/introspect`, `/disconnect`, `/disconnect-entity`: the connection behind an access token.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.account()`.
#[derive(Clone, Copy, Debug)]
pub struct Account<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
