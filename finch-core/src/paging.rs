//! Paging: walk a listing page by page (or item by item), holding one page at a time.

use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::options::RequestOptions;
use futures_core::Stream;
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// A request for one page of a listing, that knows how to ask for the next one.
///
/// ```
/// use finch_core::{Paginated, offset_after};
/// # use finch_core::{AuthScheme, Endpoint, ParamSpec, PathWriter, QueryWriter, RequestError};
/// # #[derive(serde::Deserialize)] struct Page { items: Vec<String>, offset: u64, count: Option<u64> }
/// # #[derive(Clone)] struct ListThings { offset: u64 }
/// # impl Endpoint for ListThings {
/// #     type Response = Page;
/// #     const METHOD: http::Method = http::Method::GET;
/// #     const PATH: &'static str = "/things";
/// #     const AUTH: AuthScheme = AuthScheme::Bearer;
/// #     const NAME: &'static str = "ListThings";
/// #     const PARAMS: &'static [ParamSpec] = &[];
/// #     fn write_path(&self, path: &mut PathWriter) -> Result<(), RequestError> { path.literal("/things"); Ok(()) }
/// # }
/// impl Paginated for ListThings {
///     type Item = String;
///     fn next_page(&self, page: &Page) -> Option<Self> {
///         let offset = offset_after(page.offset, page.items.len(), page.count)?;
///         Some(ListThings { offset })
///     }
///     fn into_items(page: Page) -> Vec<String> {
///         page.items
///     }
/// }
/// ```
pub trait Paginated: Endpoint + Clone + Send + 'static {
    /// One item of a page.
    type Item: Send + 'static;

    /// The request for the page after `page`, or `None` when `page` is the last.
    fn next_page(&self, page: &Self::Response) -> Option<Self>;

    /// The items of a page.
    fn into_items(page: Self::Response) -> Vec<Self::Item>;
}

/// The offset of the page after one at `offset` with `items` items, in a listing of `total`
/// items: `None` on an empty page, when the total is unknown, or at the end (as the official SDKs
/// decide).
///
/// ```
/// use finch_core::offset_after;
/// assert_eq!(offset_after(0, 100, Some(250)), Some(100));
/// assert_eq!(offset_after(200, 50, Some(250)), None);
/// assert_eq!(offset_after(0, 0, Some(250)), None);
/// assert_eq!(offset_after(0, 100, None), None);
/// ```
pub fn offset_after(offset: u64, items: usize, total: Option<u64>) -> Option<u64> {
    let items = u64::try_from(items).ok()?;
    let next = offset.checked_add(items)?;
    (items > 0 && next < total?).then_some(next)
}

/// The offset of the page after one at `offset` with `items` items, for listings that do not say
/// their total: there is a next page while pages come back full (`items == limit`).
///
/// ```
/// use finch_core::offset_after_full_page;
/// assert_eq!(offset_after_full_page(0, 100, 100), Some(100));
/// assert_eq!(offset_after_full_page(100, 37, 100), None);
/// assert_eq!(offset_after_full_page(0, 0, 100), None);
/// ```
pub fn offset_after_full_page(offset: u64, items: usize, limit: u64) -> Option<u64> {
    let items = u64::try_from(items).ok()?;
    (items > 0 && items >= limit)
        .then(|| offset.checked_add(items))
        .flatten()
}

type PageFuture<E> =
    Pin<Box<dyn Future<Output = (E, Result<<E as Endpoint>::Response, Error>)> + Send>>;

/// Walks a listing page by page. Only the current page is held, however long the listing.
///
/// Use [`next_page`](Pages::next_page) in a loop, or use it as a [`Stream`] of pages; turn it into
/// a stream of items with [`items`](Pages::items). After an error, the next call asks for the same
/// page again (for example after a 202 "still syncing").
///
/// ```
/// # async fn demo<E: finch_core::Paginated>(client: finch_core::Client, first: E) -> Result<(), finch_core::Error> {
/// let mut pages = finch_core::Pages::new(client, first);
/// while let Some(page) = pages.next_page().await {
///     let page = page?;
///     // use the page; it is dropped before the next one is fetched
/// }
/// # Ok(()) }
/// ```
#[must_use = "pages are fetched only when asked for"]
pub struct Pages<E: Paginated> {
    client: Client,
    options: RequestOptions,
    next: Option<E>,
    in_flight: Option<PageFuture<E>>,
}

impl<E: Paginated> Pages<E> {
    /// Pages starting with `first`.
    pub fn new(client: Client, first: E) -> Self {
        Pages {
            client,
            options: RequestOptions::default(),
            next: Some(first),
            in_flight: None,
        }
    }

    /// Sends every page request with `options`.
    pub fn with_options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Fetches the next page; `None` once the listing is done.
    pub async fn next_page(&mut self) -> Option<Result<E::Response, Error>> {
        std::future::poll_fn(|cx| self.poll_page(cx)).await
    }

    /// The request for the next page, if there is one (and none is in flight).
    pub fn next_request(&self) -> Option<&E> {
        self.next.as_ref()
    }

    /// The items of every page, one at a time; only one page is held.
    pub fn items(self) -> Items<E> {
        Items {
            pages: self,
            buffered: VecDeque::new(),
        }
    }

    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<E::Response, Error>>> {
        if self.in_flight.is_none() {
            let Some(request) = self.next.take() else {
                return Poll::Ready(None);
            };
            let client = self.client.clone();
            let options = self.options.clone();
            self.in_flight = Some(Box::pin(async move {
                let result = client.send_with(&request, &options).await;
                (request, result)
            }));
        }
        let Some(in_flight) = self.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let (request, result) = ready!(in_flight.as_mut().poll(cx));
        self.in_flight = None;
        match &result {
            Ok(page) => self.next = request.next_page(page),
            Err(_) => self.next = Some(request),
        }
        Poll::Ready(Some(result))
    }
}

impl<E: Paginated> Unpin for Pages<E> {}

impl<E: Paginated> Stream for Pages<E> {
    type Item = Result<E::Response, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

/// The items of a listing, one at a time, fetched a page at a time.
#[must_use = "items are fetched only when asked for"]
pub struct Items<E: Paginated> {
    pages: Pages<E>,
    buffered: VecDeque<E::Item>,
}

impl<E: Paginated> Items<E> {
    /// The next item; `None` once the listing is done.
    pub async fn next_item(&mut self) -> Option<Result<E::Item, Error>> {
        std::future::poll_fn(|cx| self.poll_item(cx)).await
    }

    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<E::Item, Error>>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_page(cx)) {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(page)) => self.buffered = E::into_items(page).into(),
            }
        }
    }
}

impl<E: Paginated> Unpin for Items<E> {}

impl<E: Paginated> Stream for Items<E> {
    type Item = Result<E::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}
