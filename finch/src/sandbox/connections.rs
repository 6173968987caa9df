//! `/sandbox/connections*`: create sandbox connections and accounts.

use crate::client::Finch;
use crate::operations::OperationFn;

/// `client.sandbox().connections()`.
#[derive(Clone, Copy, Debug)]
pub struct SandboxConnections<'a> {
    pub(crate) client: &'a Finch,
}

/// The operations this module declares, for the OpenAPI rendering and the conformance check.
pub(crate) const OPERATIONS: &[OperationFn] = &[];
