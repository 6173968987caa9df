//! What a successful reply can decode into: [`DeserializeResponse`], below both the endpoint
//! (whose `Response` it bounds) and the decoders (which take it).

use serde::de::DeserializeOwned;

/// A type a successful reply can decode into: any `serde::Deserialize` type that owns its data.
///
/// It exists so that an endpoint whose response type cannot be decoded is reported on that type,
/// with a message that says what to do. It is implemented for every type that implements
/// `DeserializeOwned + Send + 'static` and for no other; `serde::Deserialize` is a bound of that
/// implementation rather than a supertrait, because the compiler reports a missing supertrait in
/// serde's words and would never show this trait's message.
///
/// ```
/// fn decodable<T: finch_core::DeserializeResponse>() {}
/// decodable::<Vec<String>>();
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the response of a finch endpoint",
    label = "this type does not implement `serde::Deserialize`",
    note = "add `#[derive(serde::Deserialize)]` to `{Self}` (its fields must own their data: `String`, not `&str`)",
    note = "if the derive comes from `finch::serde` (serde is not a dependency of your crate), also write `#[serde(crate = \"finch::serde\")]` on `{Self}`"
)]
pub trait DeserializeResponse: Send + Sized + 'static {
    /// Deserializes the reply with `Self`'s `serde::Deserialize` implementation.
    #[doc(hidden)]
    fn deserialize_response<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error>;
}

impl<T: DeserializeOwned + Send + 'static> DeserializeResponse for T {
    fn deserialize_response<'de, D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        T::deserialize(deserializer)
    }
}

/// A [`DeserializeResponse`] type seen as `serde::Deserialize`, for the decoders, which take any
/// `DeserializeOwned` type.
pub(crate) struct AsResponse<T>(pub(crate) T);

impl<'de, T: DeserializeResponse> serde::Deserialize<'de> for AsResponse<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize_response(deserializer).map(AsResponse)
    }
}
