//! Paging: walk a listing page by page (or item by item), holding one page at a time, and end it
//! whatever the server answers.
//!
//! # The rules every listing follows
//!
//! A walk asks for the page at an offset (with a page size, its *limit*, when the request sets
//! one) and checks what comes back before it yields it:
//!
//! - **The page must be the one asked for.** A page that reports another offset
//!   ([`PageInfo::offset`]) ends the walk with [`PagingErrorKind::WrongOffset`]; the page before
//!   it served again (the same body or, for items with ids, the same [`PageInfo::fingerprint`]:
//!   as many ids, the same first, middle and last) ends it with
//!   [`PagingErrorKind::RepeatedPage`]. A server that ignores `offset` therefore costs two requests
//!   and an error, never an endless loop, and no page is yielded twice.
//! - **The end is an empty page or a short one.** The walk goes on after a page of `n` items
//!   while the page is full (`n` ≥ the limit asked), or while the reported total
//!   ([`PageInfo::total`]) says more items follow; it ends on an empty page, or on a short page
//!   whose total (when there is one) agrees that nothing follows. A total that changes during the
//!   walk, as it does while people are hired or leave, therefore loses no one still present: a
//!   full page is never taken for the last because the total shrank, and a short page is not the
//!   last while the total grew past it. Without a limit the walk reads until an empty page (one
//!   request more than needed; set a limit to save it). Listings that report no total decide by
//!   the limit they asked for, never by the first page's length.
//! - **An error ends the walk.** An error that retries could not fix (a 401, a 500 every time,
//!   a 202 "still syncing", a page that fails to decode, one of the paging errors above) is
//!   yielded once, and the walk then ends: polling again asks for nothing. Resuming is explicit:
//!   [`Pages::resume`] (or [`Items::resume`]) asks for the failed page again.

mod rules;
mod stream;

pub use crate::error::{PagingError, PagingErrorKind};
pub use rules::{PageInfo, Paginated, next_offset};
pub use stream::{Items, Pages};
