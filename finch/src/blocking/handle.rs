//! [`Handle`]: the blocking twin of a resource handle.

use super::runtime::Runtime;

/// The blocking twin of the resource handle `H` (`finch::hris::Directory<'a>` and the rest):
/// every accessor of `H` is here, with the same name, arguments and result, but it waits for the
/// reply on the calling thread instead of returning a future. Listings' `pages` and `list_all`
/// are [`Iterator`]s ([`Pages`](super::Pages), [`Items`](super::Items)).
///
/// Made by the [blocking client](super::Finch)'s accessors (`client.hris().directory()`), never
/// named in most code. The twins are written by the same declaration as the async accessors, so
/// none is missing.
///
/// ```
/// # fn demo(finch: &finch::blocking::Finch) -> Result<(), finch::Error> {
/// let directory: finch::blocking::Handle<'_, finch::hris::Directory<'_>> = finch.hris().directory();
/// let page = directory.list(finch::hris::ListDirectory::new().limit(10))?;
/// # Ok(()) }
/// ```
#[derive(Clone, Copy, Debug)]
pub struct Handle<'a, H> {
    /// The async handle, whose accessors the twins call.
    pub(crate) handle: H,
    /// The blocking client's runtime, that drives them.
    pub(crate) runtime: &'a Runtime,
}
