//! What a path parameter or a header can hold, checked when the endpoint is compiled rather than
//! when it is sent: one value with one text (a string, a number, a bool, a char, an enum of
//! finch's), not a sequence, a map or a struct. And the helpers the code `#[finch_endpoint]`
//! generates calls, so that a mistake in a field's type is reported at that type.

use super::{HeaderWriter, PathWriter};
use crate::error::RequestError;
use crate::secret::Secret;
use serde::{Serialize, Serializer};
use std::borrow::Cow;
use std::fmt;

/// A type that can be a path parameter (`#[finch(path)]`): one value, sent as one percent-encoded
/// segment.
///
/// Strings, numbers, `bool`, `char`, finch's enums (such as `finch::hris::BenefitType`) and
/// references to them are. A sequence, a map or a struct is not: it has no single text. Neither is
/// an `Option`: a path parameter is always there.
///
/// A type that should be sent as its `Display` text needs nothing: write
/// `#[finch(path, display)]`. A type of your own that serializes as one string or number says so
/// with an empty impl:
///
/// ```
/// #[derive(serde::Serialize)]
/// #[serde(rename_all = "snake_case")]
/// pub enum Kind {
///     Individual,
///     Company,
/// }
/// impl finch_core::PathValue for Kind {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a path parameter",
    label = "a path parameter is one value: a string, a number, a `bool`, a `char` or an enum of finch's",
    note = "to send the value's `Display` text, write `#[finch(path, display)]`",
    note = "a type of your own that serializes as one string or number can say so: `impl finch::core::PathValue for MyType {{}}`"
)]
pub trait PathValue: Serialize {}

/// A type that can be a header (`#[finch(header = "X-Name")]`): one value, sent as the header's
/// text, or an `Option` of one (left out when `None`).
///
/// Strings, numbers, `bool`, `char`, finch's enums, [`Secret`] and references to them are; a
/// sequence, a map or a struct is not. As for [`PathValue`], a type sent as its `Display` text
/// needs nothing (`#[finch(header = "X-Name", display)]`), and a type of your own that serializes
/// as one string or number says so with an empty impl:
///
/// ```
/// #[derive(serde::Serialize)]
/// pub struct IdempotencyKey(String);
/// impl finch_core::HeaderValue for IdempotencyKey {}
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a header value",
    label = "a header is one value: a string, a number, a `bool`, a `char`, an enum of finch's, or an `Option` of one",
    note = "to send the value's `Display` text, write `#[finch(header = \"...\", display)]`",
    note = "a type of your own that serializes as one string or number can say so: `impl finch::core::HeaderValue for MyType {{}}`"
)]
pub trait HeaderValue: Serialize {}

macro_rules! single_values {
    ($($ty:ty),* $(,)?) => {
        $(
            impl PathValue for $ty {}
            impl HeaderValue for $ty {}
        )*
    };
}

single_values!(
    str,
    String,
    Cow<'_, str>,
    bool,
    char,
    f32,
    f64,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    std::num::NonZeroI8,
    std::num::NonZeroI16,
    std::num::NonZeroI32,
    std::num::NonZeroI64,
    std::num::NonZeroI128,
    std::num::NonZeroIsize,
    std::num::NonZeroU8,
    std::num::NonZeroU16,
    std::num::NonZeroU32,
    std::num::NonZeroU64,
    std::num::NonZeroU128,
    std::num::NonZeroUsize,
);

impl<T: PathValue + ?Sized> PathValue for &T {}
impl<T: PathValue + ?Sized> PathValue for &mut T {}
impl<T: PathValue + ?Sized> PathValue for Box<T> {}
impl<T: HeaderValue + ?Sized> HeaderValue for &T {}
impl<T: HeaderValue + ?Sized> HeaderValue for &mut T {}
impl<T: HeaderValue + ?Sized> HeaderValue for Box<T> {}
impl<T: HeaderValue> HeaderValue for Option<T> {}
// Not a path parameter: paths end up in logs and proxies' records.
impl HeaderValue for Secret {}

/// A value sent as its `Display` text (`#[finch(path, display)]`). Not generic: a type without
/// `Display` is reported once, by [`display`], and not again by each impl below.
#[doc(hidden)]
pub struct Displayed<'a>(&'a dyn fmt::Display);

impl fmt::Debug for Displayed<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Displayed").finish_non_exhaustive()
    }
}

impl Serialize for Displayed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self.0)
    }
}

impl PathValue for Displayed<'_> {}
impl HeaderValue for Displayed<'_> {}

/// `value` sent as its `Display` text.
#[doc(hidden)]
pub fn display<T: fmt::Display>(value: &T) -> Displayed<'_> {
    Displayed(value)
}

/// Writes a path parameter; the bound reports a type that cannot be one at the field's type.
#[doc(hidden)]
pub fn path_param<T: PathValue + ?Sized>(
    path: &mut PathWriter,
    name: &str,
    value: &T,
) -> Result<(), RequestError> {
    path.param(name, value)
}

/// Writes a header; the bound reports a type that cannot be one at the field's type.
#[doc(hidden)]
pub fn header_param<T: HeaderValue + ?Sized>(
    headers: &mut HeaderWriter,
    name: &str,
    value: &T,
) -> Result<(), RequestError> {
    headers.header(name, value)
}

/// A field type a request can hold. A request is sent from any thread, so it must be `Sync`; this
/// bound, checked on each field, reports a field that is not at that field (a `Sync` bound on
/// `Endpoint` itself would report it at the struct's name, without saying which field).
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be shared between threads, so a finch request cannot hold it",
    label = "this field's type is not `Sync`",
    note = "a request is sent from any thread, so its fields must be `Sync`: use `Arc` instead of `Rc`, and a `Mutex` or an atomic instead of `Cell` or `RefCell`"
)]
pub trait SyncField: Sync {}

impl<T: Sync + ?Sized> SyncField for T {}

/// Checks that a field's type is [`SyncField`]; does nothing when run.
#[doc(hidden)]
pub fn sync_field<T: SyncField + ?Sized>(_: &T) {}

/// The value itself. Generated constants are written through it, so that rustdoc shows none of the
/// hidden paths they are written with.
#[doc(hidden)]
pub const fn opaque<T>(value: T) -> T {
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displayed_values_are_their_text() {
        struct Version(u8, u8);
        impl fmt::Display for Version {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}.{}", self.0, self.1)
            }
        }
        let mut path = PathWriter::new();
        path_param(&mut path, "version", &display(&Version(2, 1))).unwrap();
        assert_eq!(path.as_str(), "2.1");
        let mut headers = HeaderWriter::new();
        header_param(&mut headers, "X-Version", &Some(display(&Version(1, 0)))).unwrap();
        header_param(&mut headers, "X-None", &None::<Displayed<'_>>).unwrap();
        assert_eq!(headers.headers()["x-version"], "1.0");
        assert_eq!(headers.headers().len(), 1);
    }
}
