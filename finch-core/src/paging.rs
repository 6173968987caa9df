//! Offset paging: walk a listing page by page, holding one page at a time.

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::options::RequestOptions;

/// A page of an offset-paged listing: how many items it holds and where it sits.
///
/// ```
/// struct Page { items: Vec<u32>, offset: u64, count: Option<u64> }
/// impl finch_core::OffsetPage for Page {
///     fn item_count(&self) -> usize { self.items.len() }
///     fn offset(&self) -> u64 { self.offset }
///     fn total(&self) -> Option<u64> { self.count }
/// }
/// ```
pub trait OffsetPage {
    /// The number of items on this page.
    fn item_count(&self) -> usize;
    /// The index of this page's first item in the whole listing.
    fn offset(&self) -> u64;
    /// The number of items in the whole listing, when the server says.
    fn total(&self) -> Option<u64>;

    /// The offset of the next page: this page's offset plus its items, while that is below the
    /// total. `None` on an empty page or when the total is unknown (as the official SDKs do).
    fn next_offset(&self) -> Option<u64> {
        let items = u64::try_from(self.item_count()).ok()?;
        let next = self.offset().checked_add(items)?;
        (items > 0 && next < self.total()?).then_some(next)
    }
}

/// A request for an offset-paged listing: it can ask for the page at another offset.
pub trait OffsetPaged: Endpoint + Clone + Send
where
    Self::Response: OffsetPage,
{
    /// The same request for the page at `offset`.
    fn at_offset(&self, offset: u64) -> Self;
}

/// Walks a listing page by page. Only the current page is held, however long the listing.
///
/// ```
/// # async fn demo<E>(client: finch_core::Client, first: E) -> Result<(), finch_core::Error>
/// # where E: finch_core::OffsetPaged, E::Response: finch_core::OffsetPage {
/// let mut pages = finch_core::Pages::new(client, first);
/// while let Some(page) = pages.next_page().await {
///     let page = page?;
///     // use the page; it is dropped before the next one is fetched
/// }
/// # Ok(()) }
/// ```
pub struct Pages<E> {
    client: Client,
    next: Option<E>,
    options: RequestOptions,
}

impl<E> Pages<E>
where
    E: OffsetPaged,
    E::Response: OffsetPage,
{
    /// Pages starting with `first`.
    pub fn new(client: Client, first: E) -> Self {
        Pages {
            client,
            next: Some(first),
            options: RequestOptions::default(),
        }
    }

    /// Sends every page request with `options`.
    pub fn with_options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Fetches the next page; `None` once the listing is done. After an error, calling it again
    /// asks for the same page again (for example after a 202 "still syncing").
    pub async fn next_page(&mut self) -> Option<Result<E::Response, Error>> {
        let request = self.next.take()?;
        match self.client.send_with(&request, &self.options).await {
            Ok(page) => {
                self.next = page.next_offset().map(|offset| request.at_offset(offset));
                Some(Ok(page))
            }
            Err(error) => {
                self.next = Some(request);
                Some(Err(error))
            }
        }
    }

    /// The request for the next page, if there is one.
    pub fn next_request(&self) -> Option<&E> {
        self.next.as_ref()
    }
}
