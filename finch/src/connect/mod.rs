//! `client.connect()`: Finch Connect, the way an employer authorizes your application: sessions
//! and the authorization URL.

pub(crate) mod auth_url;
pub(crate) mod sessions;

pub use auth_url::*;
pub use sessions::*;

use crate::handles::handle;
use crate::shared::Product;

handle! {
    /// `client.connect()`.
    pub struct Connect<'a> {
        /// `POST /connect/sessions*`.
        pub fn sessions(&self) -> Sessions<'a>;
    }
}

impl Connect<'_> {
    /// The Finch Connect authorization URL asking for `products` and redirecting back to
    /// `redirect_uri`, with the client's client id (no HTTP call). Set sandbox mode and Connect's
    /// optional parameters on the [`AuthUrl`], then [`build`](AuthUrl::build) it; that fails
    /// when the client has no client id.
    ///
    /// ```
    /// use finch::Product;
    /// let finch = finch::Finch::builder().client_id("4ab15e51-11ad-49f4-acae-f343b7794375").build()?;
    /// let url = finch.connect()
    ///     .auth_url([Product::Company, Product::Directory], "https://example.com/callback")
    ///     .sandbox(true)
    ///     .build()?;
    /// assert!(url.starts_with("https://connect.tryfinch.com/authorize?client_id=4ab15e51-"));
    /// assert!(url.ends_with("&products=company%20directory&redirect_uri=https%3A%2F%2Fexample.com%2Fcallback&sandbox=true"));
    /// # Ok::<(), finch::ConfigError>(())
    /// ```
    pub fn auth_url(
        &self,
        products: impl IntoIterator<Item = Product>,
        redirect_uri: impl Into<String>,
    ) -> AuthUrl {
        let url = AuthUrl::new(products, redirect_uri);
        match self.client.core().credentials().client_id_ref() {
            Some(client_id) => url.client_id(client_id),
            None => url,
        }
    }
}

// The twin of the hand-written `auth_url` (it sends nothing, so it is the same call).
#[cfg(feature = "blocking")]
impl crate::blocking::Handle<'_, Connect<'_>> {
    /// [`Connect::auth_url`]: the Finch Connect authorization URL (no HTTP call).
    pub fn auth_url(
        &self,
        products: impl IntoIterator<Item = Product>,
        redirect_uri: impl Into<String>,
    ) -> AuthUrl {
        self.handle.auth_url(products, redirect_uri)
    }
}
