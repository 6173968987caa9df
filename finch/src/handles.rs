//! Resource handles (`client.hris().benefits()`) and their accessors, declared by their
//! signatures.
//!
//! A handle holds the client and nothing else; nearly every one of its methods either sends a
//! request or hands the client to a narrower handle. [`handle!`] declares the handle with those
//! methods, written by [`accessors!`] from their docs and signatures, and, with the `blocking`
//! feature, their blocking twins on [`blocking::Handle`](crate::blocking::Handle): every shape
//! [`accessors!`] knows has both forms, so no accessor can lack its twin. A method that sends
//! nothing (builds a URL, reads the client's configuration) is written by hand in an `impl` block
//! of its own, with a comment saying why, and its twin beside it (a test in `blocking/tests.rs`
//! checks that each has one).

/// Declares a resource handle: a `Copy` struct holding the client, its accessors (the entries of
/// [`accessors!`]) and, with the `blocking` feature, their blocking twins.
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

        #[cfg(feature = "blocking")]
        impl<$lifetime> $crate::blocking::Handle<$lifetime, $name<$lifetime>> {
            $crate::handles::accessors! { @blocking $name $($accessors)* }
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
/// - `pub async fn name(self, request: R) -> Result<T, Error> => map f;` sends `request` and
///   maps the decoded reply with `f` (for a reply that wraps what the accessor returns).
/// - `pub async fn name(self) -> Result<T, Error> => request;` sends `request`, for an endpoint
///   whose request the accessor makes itself (`account().introspect()` sends `Introspect`).
/// - `pub fn name(&self) -> Handle<'a>;` returns the narrower handle `Handle`, on the same client.
///
/// Attributes other than docs (`#[deprecated]`, `#[doc(alias = ..)]`) are kept, on the blocking
/// twin too. An entry may also be a macro invocation that writes methods
/// (`listing_accessors! { .. }`); it is called again with `@blocking Handle` before its body for
/// the twins, so such a macro must write those as well.
///
/// `accessors! { @blocking Handle .. }` writes the twins, inside
/// `impl Handle<'a, Handle<'a>>` of [`blocking::Handle`](crate::blocking::Handle): each one calls
/// the async accessor and waits for it on the blocking client's runtime, so the twin sends what
/// the accessor sends, through the same pipeline.
macro_rules! accessors {
    () => {};
    (@blocking $handle:ident) => {};

    // A macro that writes methods (`listing_accessors!`).
    ($macro:ident! { $($body:tt)* } $($rest:tt)*) => {
        $macro! { $($body)* }
        $crate::handles::accessors! { $($rest)* }
    };
    (@blocking $handle:ident $macro:ident! { $($body:tt)* } $($rest:tt)*) => {
        $macro! { @blocking $handle $($body)* }
        $crate::handles::accessors! { @blocking $handle $($rest)* }
    };

    // Sends the request.
    (
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self, $request:ident: $endpoint:ty) -> Result<$response:ty, Error>;
        $($rest:tt)*
    ) => {
        $(#[$($attr)*])*
        pub async fn $name(self, $request: $endpoint) -> Result<$response, $crate::Error> {
            self.client.send(&$request).await
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        @blocking $handle:ident
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self, $request:ident: $endpoint:ty) -> Result<$response:ty, Error>;
        $($rest:tt)*
    ) => {
        $crate::handles::accessors! {
            @twin $handle $name [] [$(#[$($attr)*])*]
            pub fn $name(self, $request: $endpoint) -> Result<$response, $crate::Error> {
                #[allow(deprecated)] // the twin of a deprecated accessor is deprecated itself
                let reply = self.handle.$name($request);
                self.runtime.block_on(reply)
            }
        }
        $crate::handles::accessors! { @blocking $handle $($rest)* }
    };

    // Sends the request and maps the reply.
    (
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self, $request:ident: $endpoint:ty) -> Result<$response:ty, Error>
            => map $map:expr;
        $($rest:tt)*
    ) => {
        $(#[$($attr)*])*
        pub async fn $name(self, $request: $endpoint) -> Result<$response, $crate::Error> {
            self.client.send(&$request).await.map($map)
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        @blocking $handle:ident
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self, $request:ident: $endpoint:ty) -> Result<$response:ty, Error>
            => map $map:expr;
        $($rest:tt)*
    ) => {
        $crate::handles::accessors! {
            @blocking $handle
            $(#[$($attr)*])*
            pub async fn $name(self, $request: $endpoint) -> Result<$response, Error>;
            $($rest)*
        }
    };

    // Sends a request the accessor makes.
    (
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self) -> Result<$response:ty, Error> => $request:expr;
        $($rest:tt)*
    ) => {
        $(#[$($attr)*])*
        pub async fn $name(self) -> Result<$response, $crate::Error> {
            self.client.send(&$request).await
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        @blocking $handle:ident
        $(#[$($attr:tt)*])*
        pub async fn $name:ident(self) -> Result<$response:ty, Error> => $request:expr;
        $($rest:tt)*
    ) => {
        $crate::handles::accessors! {
            @twin $handle $name [] [$(#[$($attr)*])*]
            pub fn $name(self) -> Result<$response, $crate::Error> {
                #[allow(deprecated)] // the twin of a deprecated accessor is deprecated itself
                let reply = self.handle.$name();
                self.runtime.block_on(reply)
            }
        }
        $crate::handles::accessors! { @blocking $handle $($rest)* }
    };

    // A narrower handle.
    (
        $(#[$($attr:tt)*])*
        pub fn $name:ident(&self) -> $handle:ident<$lifetime:lifetime>;
        $($rest:tt)*
    ) => {
        $(#[$($attr)*])*
        pub fn $name(&self) -> $handle<$lifetime> {
            $handle {
                client: self.client,
            }
        }
        $crate::handles::accessors! { $($rest)* }
    };
    (
        @blocking $parent:ident
        $(#[$($attr:tt)*])*
        pub fn $name:ident(&self) -> $handle:ident<$lifetime:lifetime>;
        $($rest:tt)*
    ) => {
        $crate::handles::accessors! {
            @twin $parent $name [] [$(#[$($attr)*])*]
            pub fn $name(&self) -> $crate::blocking::Handle<$lifetime, $handle<$lifetime>> {
                $crate::blocking::Handle {
                    handle: self.handle.$name(),
                    runtime: self.runtime,
                }
            }
        }
        $crate::handles::accessors! { @blocking $parent $($rest)* }
    };

    // A twin's attributes: the async accessor's, less its docs (their examples `.await`), and a
    // doc line that links to it. `@twin Handle name [kept] [to sort] method`.
    (@twin $handle:ident $name:ident [$($kept:tt)*] [] $($method:tt)*) => {
        #[doc = concat!(
            "[`", stringify!($handle), "::", stringify!($name), "`], blocking: waits on the ",
            "calling thread."
        )]
        $($kept)*
        $($method)*
    };
    (
        @twin $handle:ident $name:ident [$($kept:tt)*] [#[doc = $($doc:tt)*] $($attrs:tt)*]
        $($method:tt)*
    ) => {
        $crate::handles::accessors! { @twin $handle $name [$($kept)*] [$($attrs)*] $($method)* }
    };
    (
        @twin $handle:ident $name:ident [$($kept:tt)*] [#[$($attr:tt)*] $($attrs:tt)*]
        $($method:tt)*
    ) => {
        $crate::handles::accessors! {
            @twin $handle $name [$($kept)* #[$($attr)*]] [$($attrs)*] $($method)*
        }
    };
}

pub(crate) use accessors;
