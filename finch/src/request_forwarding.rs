//! `POST /forward`: send a request to the provider's own API through Finch.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.request_forwarding()`.
#[derive(Clone, Copy, Debug)]
pub struct RequestForwarding<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
