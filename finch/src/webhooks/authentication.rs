//! What an `account.updated` event says about the connection: its status and its authentication
//! method. The method's benefit support and supported fields are the types `GET /providers`
//! returns ([`crate::providers`]); the status and kinds are those of [`crate::account`].

use crate::account::AuthenticationType;
use crate::providers::{BenefitsSupport, SupportedFields};
use finch_macros::model;

/// A connection's authentication method and what it supports.
#[model(Default)]
pub struct AuthenticationMethod {
    /// The type of authentication method.
    #[serde(rename = "type")]
    pub authentication_type: Option<AuthenticationType>,
    /// Each benefit type and its supported features; `None` inside the map for a benefit type the
    /// method does not support.
    pub benefits_support: Option<BenefitsSupport>,
    /// The data fields the HRIS and payroll endpoints return through this method.
    pub supported_fields: Option<SupportedFields>,
}
