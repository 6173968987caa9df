//! The Finch Connect authorization URL (`https://connect.tryfinch.com/authorize`): where to send
//! an employer so that they authorize your application, in the redirect flow. No HTTP call.

use crate::setters::setters;
use crate::shared::Product;
use finch_core::ConfigError;

/// Finch Connect's authorization page.
pub const CONNECT_AUTHORIZE_URL: &str = "https://connect.tryfinch.com/authorize";

/// Builds the Finch Connect authorization URL, as the official SDKs' `get_auth_url` /
/// `getAuthURL` do: `https://connect.tryfinch.com/authorize?client_id=…&products=…&redirect_uri=…&sandbox=…`,
/// with the products space-separated and every value percent-encoded (RFC 3986: only letters,
/// digits and `-._~` stay as they are; a space is `%20`).
///
/// Get one from the client, which fills in its client id, with
/// [`Connect::auth_url`](crate::connect::Connect::auth_url). `state`, `payroll_provider` and
/// `manual` (Connect's optional parameters) are added only when set. After the employer
/// authorizes, Connect redirects to `redirect_uri` with a `code` for
/// [`access_tokens().create`](crate::AccessTokens::create).
///
/// ```
/// use finch::{Product, connect::AuthUrl};
/// let url = AuthUrl::new([Product::Company, Product::Directory], "https://example.com/callback")
///     .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
///     .sandbox(true)
///     .build()?;
/// assert_eq!(
///     url,
///     "https://connect.tryfinch.com/authorize?client_id=4ab15e51-11ad-49f4-acae-f343b7794375\
///      &products=company%20directory&redirect_uri=https%3A%2F%2Fexample.com%2Fcallback&sandbox=true"
/// );
/// # Ok::<(), finch::ConfigError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
#[must_use = "the URL is made by `build`"]
pub struct AuthUrl {
    /// Your application's client id (the client's, when made by `Connect::auth_url`).
    pub client_id: Option<String>,
    /// The products to ask access to.
    pub products: Vec<Product>,
    /// Where Connect sends the employer back, with the authorization `code`; it must be one of
    /// your application's redirect URIs.
    pub redirect_uri: String,
    /// Sandbox mode: log in with fake credentials and get mock data (default `false`).
    pub sandbox: bool,
    /// A value Connect passes back on the redirect (to tie it to your user, or against CSRF).
    pub state: Option<String>,
    /// A provider id (`gusto`) that skips the provider selection screen.
    pub payroll_provider: Option<String>,
    /// `true` shows assisted providers as well as automated ones.
    pub manual: Option<bool>,
}

impl AuthUrl {
    /// The URL asking for `products`, back to `redirect_uri`, without a client id yet.
    pub fn new(
        products: impl IntoIterator<Item = Product>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        AuthUrl {
            client_id: None,
            products: products.into_iter().collect(),
            redirect_uri: redirect_uri.into(),
            sandbox: false,
            state: None,
            payroll_provider: None,
            manual: None,
        }
    }

    setters! {
        /// Uses this client id.
        client_id(client_id: impl Into<String>);
        /// Passes `state` back on the redirect.
        state(state: impl Into<String>);
        /// Skips the provider selection screen, going to `provider_id`.
        payroll_provider(provider_id: impl Into<String>);
        /// Shows assisted providers as well as automated ones.
        manual(manual: bool);
        /// Sets sandbox mode.
        sandbox(sandbox: bool) bare;
    }

    /// The URL. Fails with [`ConfigError::Missing`] when there is no client id (neither on the
    /// client, nor set here).
    ///
    /// ```
    /// let finch = finch::Finch::builder().build()?; // no client id
    /// let error = finch.connect()
    ///     .auth_url([finch::Product::Directory], "https://example.com/callback")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(matches!(error, finch::ConfigError::Missing { .. }));
    /// assert!(error.to_string().contains("client id"), "{error}");
    /// # Ok::<(), finch::ConfigError>(())
    /// ```
    pub fn build(&self) -> Result<String, ConfigError> {
        let client_id = self
            .client_id
            .as_deref()
            .filter(|id| !id.trim().is_empty())
            .ok_or_else(|| ConfigError::Missing {
                what: "a client id for the Connect authorization URL: configure the client with \
                       one (`FinchBuilder::client_id` or FINCH_CLIENT_ID) or set it with \
                       `AuthUrl::client_id`"
                    .to_owned(),
            })?;
        let products = self
            .products
            .iter()
            .map(Product::as_str)
            .collect::<Vec<_>>()
            .join(" ");
        let mut url = String::with_capacity(160);
        url.push_str(CONNECT_AUTHORIZE_URL);
        let mut query = Query(&mut url, '?');
        query.pair("client_id", client_id);
        query.pair("products", &products);
        query.pair("redirect_uri", &self.redirect_uri);
        query.pair("sandbox", if self.sandbox { "true" } else { "false" });
        if let Some(state) = &self.state {
            query.pair("state", state);
        }
        if let Some(provider) = &self.payroll_provider {
            query.pair("payroll_provider", provider);
        }
        if let Some(manual) = self.manual {
            query.pair("manual", if manual { "true" } else { "false" });
        }
        Ok(url)
    }
}

/// Appends `name=value` pairs to a URL, percent-encoded.
struct Query<'a>(&'a mut String, char);

impl Query<'_> {
    fn pair(&mut self, name: &str, value: &str) {
        self.0.push(self.1);
        self.1 = '&';
        encode_into(self.0, name);
        self.0.push('=');
        encode_into(self.0, value);
    }
}

/// Percent-encodes every byte except RFC 3986's unreserved characters.
fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &byte in text.as_bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(byte >> 4)]));
            out.push(char::from(HEX[usize::from(byte & 0x0f)]));
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests may fail loudly

    use super::*;

    #[test]
    fn the_url_is_exactly_what_the_sdks_build() {
        let url = AuthUrl::new(
            [Product::Company, Product::Directory, Product::PayStatement],
            "https://example.com/finch/callback?from=app&x=1",
        )
        .client_id("4ab15e51-11ad-49f4-acae-f343b7794375")
        .build()
        .unwrap();
        assert_eq!(
            url,
            "https://connect.tryfinch.com/authorize\
             ?client_id=4ab15e51-11ad-49f4-acae-f343b7794375\
             &products=company%20directory%20pay_statement\
             &redirect_uri=https%3A%2F%2Fexample.com%2Ffinch%2Fcallback%3Ffrom%3Dapp%26x%3D1\
             &sandbox=false"
        );
    }

    #[test]
    fn optional_parameters_come_after_the_sdk_ones() {
        let url = AuthUrl::new([Product::Benefits], "http://localhost:8000")
            .client_id("id")
            .sandbox(true)
            .state("user 42/ü")
            .payroll_provider("gusto")
            .manual(true)
            .build()
            .unwrap();
        assert_eq!(
            url,
            "https://connect.tryfinch.com/authorize?client_id=id&products=benefits\
             &redirect_uri=http%3A%2F%2Flocalhost%3A8000&sandbox=true\
             &state=user%2042%2F%C3%BC&payroll_provider=gusto&manual=true"
        );
    }

    #[test]
    fn unknown_products_and_reserved_characters_are_encoded() {
        let url = AuthUrl::new([Product::from("time off+more")], "x")
            .client_id("a&b=c")
            .build()
            .unwrap();
        assert_eq!(
            url,
            "https://connect.tryfinch.com/authorize?client_id=a%26b%3Dc\
             &products=time%20off%2Bmore&redirect_uri=x&sandbox=false"
        );
    }

    #[test]
    fn no_client_id_is_a_typed_error() {
        for id in [None, Some(""), Some("  ")] {
            let mut url = AuthUrl::new([Product::Company], "https://example.com");
            url.client_id = id.map(str::to_owned);
            let error = url.build().unwrap_err();
            assert!(matches!(&error, ConfigError::Missing { what } if what.contains("client id")));
        }
    }
}
