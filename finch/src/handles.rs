//! Resource handles (`client.hris().benefits()`) and their accessors, declared by their
//! signatures.
//!
//! A handle holds the client and nothing else; nearly every one of its methods either sends a
//! request or hands the client to a narrower handle. [`handle!`] declares the handle with those
//! methods, written by [`accessors!`] from their docs and signatures. A method that does anything
//! else (maps the reply, reads the client's configuration, is a deprecated alias) is written by
//! hand in an `impl` block of its own, with a comment saying why.

/// Declares a resource handle: a `Copy` struct holding the client, and its accessors (the
/// entries of [`accessors!`]).
///
/// ```text
/// handle! {
///     /// `client.hris().benefits()`.
///     pub struct Benefits<'a> {
///         /// Creates a company-wide deduction or contribution (`POST /employer/benefits`).
///         pub async fn create(self, request: CreateBenefit) -> Result<CompanyBenefitJob, Error>;
///     }
/// }
/// ```
macro_rules! handle {
    (
        $(#[$attr:meta])*
        pub struct $name:ident<$lifetime:lifetime> {
            $($accessors:tt)*
        }
    ) => {
        $(#[$attr])*
        #[derive(Clone, Copy, Debug)]
        pub struct $name<$lifetime> {
            pub(crate) client: &$lifetime $crate::client::Finch,
        }

        impl<$lifetime> $name<$lifetime> {
            $crate::handles::accessors! { $($accessors)* }
        }
    };
}

pub(crate) use handle;

/// Writes a handle's accessors, inside its `impl` block, from their doc comments and signatures
/// (ended by `;`); [`handle!`] calls it with the entries of the handle. The shapes recognised:
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
/// Attributes other than docs (`#[allow(..)]`, `#[doc(alias = ..)]`) are kept. An entry may also
/// be a macro invocation that writes methods (`listing_accessors! { .. }`).
macro_rules! accessors {
    () => {};
    ($macro:ident! { $($body:tt)* } $($rest:tt)*) => {
        $macro! { $($body)* }
        $crate::handles::accessors! { $($rest)* }
    };
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
