//! The accessors of resource handles (`client.hris().benefits()`), declared by their signatures.
//!
//! A handle holds the client and nothing else; nearly every one of its methods either sends the
//! request it is given or hands the client to a narrower handle. [`accessors!`] writes those
//! bodies, so that a handle's `impl` block is its methods' docs and signatures. A method that
//! does anything else (builds its own request, maps the reply, is a deprecated alias) is written
//! by hand beside it.

/// Writes a handle's accessors, inside its `impl` block, from their doc comments and signatures
/// (ended by `;`). Two shapes are recognised:
///
/// ```text
/// impl<'a> Benefits<'a> {
///     accessors! {
///         /// Creates a company-wide deduction or contribution (`POST /employer/benefits`).
///         pub async fn create(self, request: CreateBenefit) -> Result<CompanyBenefitJob, Error>;
///         /// Who is enrolled in a benefit, and how.
///         pub fn individuals(&self) -> BenefitIndividuals<'a>;
///     }
/// }
/// ```
///
/// - `pub async fn name(self, request: R) -> Result<T, Error>;` sends `request`
///   (`self.client.send(&request).await`): `R` is an endpoint whose response is `T`.
/// - `pub async fn name(self) -> Result<T, Error> => request;` sends `request`, for an endpoint
///   whose request the accessor makes itself (`account().introspect()` sends `Introspect`).
/// - `pub fn name(&self) -> Handle<'a>;` returns the narrower handle `Handle`, on the same client.
///
/// Attributes other than docs (`#[allow(..)]`, `#[doc(alias = ..)]`) are kept.
macro_rules! accessors {
    () => {};
    (
        $(#[$attr:meta])*
        pub async fn $name:ident(self, $request:ident: $endpoint:ty) -> Result<$response:ty, Error>;
        $($rest:tt)*
    ) => {
        $(#[$attr])*
        pub async fn $name(self, $request: $endpoint) -> Result<$response, $crate::Error> {
            self.client.send(&$request).await
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        $(#[$attr:meta])*
        pub async fn $name:ident(self) -> Result<$response:ty, Error> => $request:expr;
        $($rest:tt)*
    ) => {
        $(#[$attr])*
        pub async fn $name(self) -> Result<$response, $crate::Error> {
            self.client.send(&$request).await
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        $(#[$attr:meta])*
        pub fn $name:ident(&self) -> $handle:ident<$lifetime:lifetime>;
        $($rest:tt)*
    ) => {
        $(#[$attr])*
        pub fn $name(&self) -> $handle<$lifetime> {
            $handle {
                client: self.client,
            }
        }
        $crate::handles::accessors! { $($rest)* }
    };
}

pub(crate) use accessors;
