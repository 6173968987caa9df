//! The walk: [`Pages`] and [`Items`] fetch a page at a time and apply the [rules](super::rules).

use super::rules::{FastHash, PageInfo, Paginated, next_offset};
use crate::client::Client;
use crate::endpoint::Endpoint;
use crate::error::Error;
use crate::error::{PagingError, PagingErrorKind};
use crate::options::RequestOptions;
use crate::response::request_id_of;
use futures_core::Stream;
use http::HeaderMap;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

/// A page as it arrived: the decoded page, what it says about itself, a hash of its body when
/// its items have no ids, and what an error needs.
struct Fetched<R> {
    page: R,
    info: PageInfo,
    body_hash: Option<u64>,
    /// The reply's headers, read for the request id only if the page is refused.
    headers: HeaderMap,
    attempts: u32,
}

type PageFuture<E> = Pin<
    Box<
        dyn Future<Output = (E, Result<Fetched<<E as Endpoint>::Response>, Error>)>
            + Send
            + 'static,
    >,
>;

/// The page last yielded, to recognise a server that answers it again.
#[derive(Clone, Copy)]
struct Yielded {
    offset: u64,
    body_hash: Option<u64>,
    fingerprint: Option<u64>,
}

/// Walks a listing page by page, by [the paging rules](crate::paging). Only the current page is
/// held, however long the listing.
///
/// Use [`next_page`](Pages::next_page) in a loop (any request type, borrowed ones too; nothing is
/// boxed), or, for a request type that owns its data, use it as a [`Stream`] of pages; turn it
/// into items with [`items`](Pages::items). An error is yielded once and ends the walk;
/// [`resume`](Pages::resume) asks for the failed page again (for example after waiting out a 202
/// "still syncing").
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
    failed: Option<E>,
    in_flight: Option<PageFuture<E>>,
    last: Option<Yielded>,
}

impl<E: Paginated + fmt::Debug> fmt::Debug for Pages<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pages")
            .field("next", &self.next)
            .field("failed", &self.failed)
            .field("in_flight", &self.in_flight.is_some())
            .finish_non_exhaustive()
    }
}

impl<E: Paginated> Pages<E> {
    /// Pages starting with `first`.
    pub fn new(client: Client, first: E) -> Self {
        Pages {
            client,
            options: RequestOptions::default(),
            next: Some(first),
            failed: None,
            in_flight: None,
            last: None,
        }
    }

    /// Sends every page request with `options`.
    pub fn with_options(mut self, options: RequestOptions) -> Self {
        self.options = options;
        self
    }

    /// Fetches the next page; `None` once the listing is done or an error ended it.
    ///
    /// Cancel-safe: when the returned future is dropped before it completes, the same page is
    /// asked for again by the next call.
    pub async fn next_page(&mut self) -> Option<Result<E::Response, Error>> {
        if self.in_flight.is_some() {
            // A page the `Stream` side started: finish it.
            return std::future::poll_fn(|cx| self.poll_in_flight(cx)).await;
        }
        let result = fetch(&self.client, self.next.as_ref()?, &self.options).await;
        let request = self.next.take()?;
        Some(self.settle(request, result))
    }

    /// The request for the next page, if there is one (and none is in flight).
    pub fn next_request(&self) -> Option<&E> {
        self.next.as_ref()
    }

    /// The request whose page failed, when an error ended the walk.
    pub fn failed_request(&self) -> Option<&E> {
        self.failed.as_ref()
    }

    /// Continues a walk that an error ended, from the failed page: the next call asks for it
    /// again. Returns `false` (and changes nothing) when no error ended the walk.
    ///
    /// ```
    /// # async fn demo<E: finch_core::Paginated>(mut pages: finch_core::Pages<E>) {
    /// while let Some(page) = pages.next_page().await {
    ///     match page {
    ///         Ok(_page) => { /* use it */ }
    ///         Err(finch_core::Error::Accepted(_)) => {
    ///             tokio::time::sleep(std::time::Duration::from_secs(30)).await; // still syncing
    ///             pages.resume();
    ///         }
    ///         Err(_) => break,
    ///     }
    /// }
    /// # }
    /// ```
    pub fn resume(&mut self) -> bool {
        match self.failed.take() {
            Some(request) => {
                self.next = Some(request);
                true
            }
            None => false,
        }
    }

    /// The items of every page, one at a time; only one page is held.
    pub fn items(self) -> Items<E> {
        Items {
            pages: self,
            buffered: Vec::new().into_iter(),
        }
    }

    /// Applies the rules to a fetched page (or an error), and decides what comes next.
    fn settle(
        &mut self,
        request: E,
        result: Result<Fetched<E::Response>, Error>,
    ) -> Result<E::Response, Error> {
        let fetched = match result {
            Ok(fetched) => fetched,
            Err(error) => {
                self.failed = Some(request);
                return Err(error);
            }
        };
        match self.check(&request, &fetched) {
            Ok(next) => {
                self.next = next;
                Ok(fetched.page)
            }
            Err(kind) => {
                let mut error = PagingError::new(E::NAME, request.offset(), kind);
                error.request_id = request_id_of(&fetched.headers).map(str::to_owned);
                error.attempts = fetched.attempts;
                self.failed = Some(request);
                Err(Error::Paging(Box::new(error)))
            }
        }
    }

    /// Polls the page the `Stream` side has in flight, if any.
    fn poll_in_flight(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<E::Response, Error>>> {
        let Some(in_flight) = self.in_flight.as_mut() else {
            return Poll::Ready(None);
        };
        let (request, result) = ready!(in_flight.as_mut().poll(cx));
        self.in_flight = None;
        Poll::Ready(Some(self.settle(request, result)))
    }

    /// Checks a page against its request and the page before it; the request for the next page.
    fn check(
        &mut self,
        request: &E,
        fetched: &Fetched<E::Response>,
    ) -> Result<Option<E>, PagingErrorKind> {
        let asked = request.offset();
        let info = &fetched.info;
        // The offset the page reports is checked first: it says the most about what went wrong.
        let next_at = next_offset(asked, request.limit(), info)?;
        if let Some(last) = self.last
            && info.len > 0
            && ((fetched.body_hash.is_some() && last.body_hash == fetched.body_hash)
                || (info.fingerprint.is_some() && info.fingerprint == last.fingerprint))
        {
            return Err(PagingErrorKind::RepeatedPage {
                previous_offset: last.offset,
            });
        }
        let next = match next_at {
            None => None,
            Some(offset) => {
                let next = request.at_offset(offset);
                if next.offset() != offset {
                    return Err(PagingErrorKind::NoProgress);
                }
                Some(next)
            }
        };
        self.last = Some(Yielded {
            offset: asked,
            body_hash: fetched.body_hash,
            fingerprint: info.fingerprint,
        });
        Ok(next)
    }
}

/// Sends one page request and decodes the reply. A page whose items have no ids is recognised
/// by a hash of its body; one whose items have ids by their fingerprint alone (equal bodies have
/// equal ids), which spares hashing every byte of every page.
async fn fetch<E: Paginated>(
    client: &Client,
    request: &E,
    options: &RequestOptions,
) -> Result<Fetched<E::Response>, Error> {
    let reply = client.send_raw_with(request, options).await?;
    let page = Client::decode::<E>(&reply)?;
    let info = E::page_info(&page);
    let body_hash = info.fingerprint.is_none().then(|| {
        let mut hash = FastHash::new();
        hash.write(reply.body());
        hash.finish()
    });
    Ok(Fetched {
        page,
        info,
        body_hash,
        headers: reply.headers,
        attempts: reply.attempts,
    })
}

impl<E: Paginated> Unpin for Pages<E> {}

impl<E: Paginated + 'static> Pages<E> {
    fn poll_page(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<E::Response, Error>>> {
        if self.in_flight.is_none() {
            let Some(request) = self.next.take() else {
                return Poll::Ready(None);
            };
            let client = self.client.clone();
            let options = self.options.clone();
            self.in_flight = Some(Box::pin(async move {
                let result = fetch(&client, &request, &options).await;
                (request, result)
            }));
        }
        self.poll_in_flight(cx)
    }
}

/// A stream of pages, for request types that own their data (the future of a page in flight is
/// kept between polls, so it cannot borrow); [`Pages::next_page`] serves any request type.
impl<E: Paginated + 'static> Stream for Pages<E> {
    type Item = Result<E::Response, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_page(cx)
    }
}

/// The items of a listing, one at a time, fetched a page at a time by the rules of
/// [the paging rules](crate::paging).
#[must_use = "items are fetched only when asked for"]
pub struct Items<E: Paginated> {
    pages: Pages<E>,
    /// The rest of the current page's items.
    buffered: std::vec::IntoIter<E::Item>,
}

impl<E: Paginated + fmt::Debug> fmt::Debug for Items<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}

impl<E: Paginated> Items<E> {
    /// The next item; `None` once the listing is done or an error ended it. Cancel-safe, as
    /// [`Pages::next_page`] is.
    pub async fn next_item(&mut self) -> Option<Result<E::Item, Error>> {
        loop {
            if let Some(item) = self.buffered.next() {
                return Some(Ok(item));
            }
            match self.pages.next_page().await? {
                Err(error) => return Some(Err(error)),
                Ok(page) => self.buffered = E::into_items(page).into_iter(),
            }
        }
    }

    /// Continues a walk that an error ended, from the failed page (see [`Pages::resume`]).
    pub fn resume(&mut self) -> bool {
        self.pages.resume()
    }

    /// The request whose page failed, when an error ended the walk.
    pub fn failed_request(&self) -> Option<&E> {
        self.pages.failed_request()
    }
}

impl<E: Paginated> Unpin for Items<E> {}

impl<E: Paginated + 'static> Items<E> {
    fn poll_item(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<E::Item, Error>>> {
        loop {
            if let Some(item) = self.buffered.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match ready!(self.pages.poll_page(cx)) {
                None => return Poll::Ready(None),
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(page)) => self.buffered = E::into_items(page).into_iter(),
            }
        }
    }
}

/// A stream of items, for request types that own their data; [`Items::next_item`] serves any.
impl<E: Paginated + 'static> Stream for Items<E> {
    type Item = Result<E::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.get_mut().poll_item(cx)
    }
}
