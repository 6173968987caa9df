//! Paging as [`Iterator`]s: the async walk of [`finch_core::paging`], one page fetched per
//! `next`, with all its rules (the page must be the one asked for, the end is an empty or short
//! page, an error is yielded once and ends the walk).

use super::client::Finch;
use super::runtime::Runtime;
use finch_core::{Error, Paginated, RequestOptions};

/// The pages of a listing, as an [`Iterator`]; only the current page is held. The blocking form
/// of [`finch_core::Pages`], with the same rules: a page other than the one asked for is an
/// [`Error::Paging`], and an error is yielded once and ends the walk ([`resume`](Pages::resume)
/// asks for the failed page again).
///
/// ```
/// # fn demo(finch: &finch::blocking::Finch) -> Result<(), finch::Error> {
/// use finch::hris::ListDirectory;
/// for page in finch.hris().directory().pages(ListDirectory::new().limit(100)) {
///     for person in page?.individuals {
///         println!("{} {:?}", person.id, person.last_name);
///     }
/// }
/// # Ok(()) }
/// ```
#[must_use = "pages are fetched only when asked for"]
#[derive(Debug)]
pub struct Pages<E: Paginated> {
    pages: finch_core::Pages<E>,
    runtime: Runtime,
}

impl<E: Paginated> Pages<E> {
    /// The pages of any listing, your own [`Paginated`] requests too, starting with `first`.
    ///
    /// ```
    /// # fn demo(finch: &finch::blocking::Finch) -> Result<(), finch::Error> {
    /// let pages = finch::blocking::Pages::new(finch, finch::hris::ListDirectory::new());
    /// let people: usize = pages.map(|page| page.map(|page| page.individuals.len())).sum::<Result<_, _>>()?;
    /// # Ok(()) }
    /// ```
    pub fn new(client: &Finch, first: E) -> Self {
        Pages::from_async(
            finch_core::Pages::new(client.core().clone(), first),
            client.runtime().clone(),
        )
    }

    /// The async walk `pages`, driven by `runtime`.
    pub(crate) fn from_async(pages: finch_core::Pages<E>, runtime: Runtime) -> Self {
        Pages { pages, runtime }
    }

    /// Sends every page request with `options`.
    pub fn with_options(self, options: RequestOptions) -> Self {
        Pages {
            pages: self.pages.with_options(options),
            ..self
        }
    }

    /// The request for the next page, if there is one.
    pub fn next_request(&self) -> Option<&E> {
        self.pages.next_request()
    }

    /// The request whose page failed, when an error ended the walk.
    pub fn failed_request(&self) -> Option<&E> {
        self.pages.failed_request()
    }

    /// Continues a walk that an error ended, from the failed page: the next call asks for it
    /// again. Returns `false` (and changes nothing) when no error ended the walk.
    pub fn resume(&mut self) -> bool {
        self.pages.resume()
    }

    /// The items of every page, one at a time; only one page is held.
    pub fn items(self) -> Items<E> {
        Items::from_async(self.pages.items(), self.runtime)
    }
}

/// Fetches the next page, waiting on the calling thread; `None` once the listing is done or an
/// error ended it.
impl<E: Paginated> Iterator for Pages<E> {
    type Item = Result<E::Response, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.runtime.block_on(self.pages.next_page())
    }
}

/// The items of a listing, one at a time, fetched a page at a time, as an [`Iterator`]: the
/// blocking form of [`finch_core::Items`], with the rules of [`Pages`].
///
/// ```
/// # fn demo(finch: &finch::blocking::Finch) -> Result<(), finch::Error> {
/// use finch::hris::ListDirectory;
/// let ids = finch.hris().directory().list_all(ListDirectory::new())
///     .map(|person| person.map(|person| person.id))
///     .collect::<Result<Vec<_>, _>>()?;
/// # Ok(()) }
/// ```
#[must_use = "items are fetched only when asked for"]
#[derive(Debug)]
pub struct Items<E: Paginated> {
    items: finch_core::Items<E>,
    runtime: Runtime,
}

impl<E: Paginated> Items<E> {
    /// The async walk `items`, driven by `runtime`.
    pub(crate) fn from_async(items: finch_core::Items<E>, runtime: Runtime) -> Self {
        Items { items, runtime }
    }

    /// Continues a walk that an error ended, from the failed page (see [`Pages::resume`]).
    pub fn resume(&mut self) -> bool {
        self.items.resume()
    }

    /// The request whose page failed, when an error ended the walk.
    pub fn failed_request(&self) -> Option<&E> {
        self.items.failed_request()
    }
}

/// The next item, fetching a page when the last one is used up, waiting on the calling thread;
/// `None` once the listing is done or an error ended it.
impl<E: Paginated> Iterator for Items<E> {
    type Item = Result<E::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.runtime.block_on(self.items.next_item())
    }
}
