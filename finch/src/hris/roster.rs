//! `client.hris().company_roster()`: the whole company, person by person. The directory is walked
//! a page at a time, and each page's individuals and employments are read (side by side, through
//! [`read_bulk`](crate::Finch::read_bulk)) before the next page is asked for: memory holds one
//! page of people, however large the company.

use super::{EmploymentResponse, IndividualResponse};
use super::{Hris, IndividualInDirectory, ListDirectory, RetrieveEmployments, RetrieveIndividuals};
use crate::bulk::{BulkError, BulkOptions};
use crate::client::Finch;
use crate::setters::setters;
use finch_core::{Error, Pages};
use futures_core::Stream;
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

/// How to read the roster.
///
/// ```
/// let options = finch::hris::RosterOptions::new().page_size(1000).entity_id("550e8400");
/// assert_eq!(options.page_size, 1000);
/// ```
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RosterOptions {
    /// People per directory page, and so per individuals and employments request (default 500;
    /// Finch serves at most 10,000 a page). It bounds the memory the walk holds.
    pub page_size: u64,
    /// The entity to read, for connections with several.
    pub entity_id: Option<String>,
}

impl Default for RosterOptions {
    fn default() -> Self {
        RosterOptions {
            page_size: 500,
            entity_id: None,
        }
    }
}

impl RosterOptions {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    setters! {
        /// Sets the people per page.
        page_size(page_size: u64) bare;
        /// Reads the entity `entity_id`.
        entity_id(entity_id: impl Into<String>);
    }
}

/// One person of the company: their directory entry, and the reply's item for them from
/// `POST /employer/individual` and `POST /employer/employment` (each of which may hold Finch's
/// error for that person), or why there is none.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct RosterEntry {
    /// The person as the directory lists them.
    pub person: IndividualInDirectory,
    /// Their personal data.
    pub individual: Result<IndividualResponse, BulkError>,
    /// Their employment data.
    pub employment: Result<EmploymentResponse, BulkError>,
}

/// What a step of the walk needs, moved into the step's future and back.
struct Walk {
    finch: Finch,
    pages: Pages<ListDirectory>,
    entity_id: Option<String>,
}

/// The people of one page, or the directory's error, or `None` at the end.
type Step = Option<Result<Vec<RosterEntry>, Error>>;
type StepFuture = Pin<Box<dyn Future<Output = (Walk, Step)> + Send>>;

/// The company's people, one [`RosterEntry`] at a time, in directory order: a [`Stream`], or
/// [`next_entry`](Self::next_entry) in a loop. An error of the directory is yielded once and ends
/// the walk; errors of one person's reads are in their entry.
#[must_use = "the roster is read only when asked for"]
pub struct CompanyRoster {
    walk: Option<Walk>,
    in_flight: Option<StepFuture>,
    ready: VecDeque<RosterEntry>,
}

impl fmt::Debug for CompanyRoster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CompanyRoster")
            .field("ready", &self.ready.len())
            .field("in_flight", &self.in_flight.is_some())
            .field("done", &(self.walk.is_none() && self.in_flight.is_none()))
            .finish()
    }
}

impl CompanyRoster {
    /// The next person; `None` once everyone came (or an error ended the walk).
    pub async fn next_entry(&mut self) -> Option<Result<RosterEntry, Error>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }
}

impl Stream for CompanyRoster {
    type Item = Result<RosterEntry, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(entry) = self.ready.pop_front() {
                return Poll::Ready(Some(Ok(entry)));
            }
            if self.in_flight.is_none() {
                let Some(walk) = self.walk.take() else {
                    return Poll::Ready(None);
                };
                self.in_flight = Some(Box::pin(step(walk)));
            }
            let Some(in_flight) = self.in_flight.as_mut() else {
                return Poll::Ready(None);
            };
            let (walk, step) = std::task::ready!(in_flight.as_mut().poll(cx));
            self.in_flight = None;
            match step {
                None => return Poll::Ready(None),
                // The walk ends with its error, as the directory's pages do.
                Some(Err(error)) => return Poll::Ready(Some(Err(error))),
                Some(Ok(entries)) => {
                    self.walk = Some(walk);
                    self.ready.extend(entries);
                }
            }
        }
    }
}

/// Reads the next directory page, then its people's individuals and employments side by side.
async fn step(mut walk: Walk) -> (Walk, Step) {
    let page = match walk.pages.next_page().await {
        None => return (walk, None),
        Some(Err(error)) => return (walk, Some(Err(error))),
        Some(Ok(page)) => page,
    };
    let ids: Vec<&str> = page
        .individuals
        .iter()
        .map(|person| person.id.as_str())
        .collect();
    let mut individuals = RetrieveIndividuals::new(ids.iter().copied());
    let mut employments = RetrieveEmployments::new(ids.iter().copied());
    if let Some(entity_id) = &walk.entity_id {
        individuals = individuals.entity_id(entity_id.clone());
        employments = employments.entity_id(entity_id.clone());
    }
    let (individuals, employments) = join(
        walk.finch.read_bulk(individuals, BulkOptions::new()),
        walk.finch.read_bulk(employments, BulkOptions::new()),
    )
    .await;
    let entries = page
        .individuals
        .into_iter()
        .zip(individuals)
        .zip(employments)
        .map(|((person, individual), employment)| RosterEntry {
            person,
            individual,
            employment,
        })
        .collect();
    (walk, Some(Ok(entries)))
}

/// Runs two futures side by side in this task; both outputs.
async fn join<A: Future, B: Future>(a: A, b: B) -> (A::Output, B::Output) {
    let (mut a, mut b) = (Box::pin(a), Box::pin(b));
    let (mut out_a, mut out_b) = (None, None);
    std::future::poll_fn(|cx| {
        if out_a.is_none()
            && let Poll::Ready(value) = a.as_mut().poll(cx)
        {
            out_a = Some(value);
        }
        if out_b.is_none()
            && let Poll::Ready(value) = b.as_mut().poll(cx)
        {
            out_b = Some(value);
        }
        match (out_a.take(), out_b.take()) {
            (Some(a), Some(b)) => Poll::Ready((a, b)),
            (a, b) => {
                out_a = a;
                out_b = b;
                Poll::Pending
            }
        }
    })
    .await
}

/// The company's people as an [`Iterator`], each fetched on the blocking client's runtime: the
/// blocking form of [`CompanyRoster`], made by `finch.hris().company_roster(..)` on a
/// [`blocking::Finch`](crate::blocking::Finch).
///
/// ```
/// # fn demo(finch: &finch::blocking::Finch) -> Result<(), finch::Error> {
/// for entry in finch.hris().company_roster(finch::hris::RosterOptions::new()) {
///     println!("{}", entry?.person.id);
/// }
/// # Ok(()) }
/// ```
#[cfg(feature = "blocking")]
#[cfg_attr(docsrs, doc(cfg(feature = "blocking")))]
#[must_use = "the roster is read only when asked for"]
#[derive(Debug)]
pub struct CompanyRosterIter {
    roster: CompanyRoster,
    runtime: crate::blocking::runtime::Runtime,
}

#[cfg(feature = "blocking")]
impl CompanyRosterIter {
    /// [`CompanyRoster::next_entry`], waiting on the calling thread (what [`Iterator::next`]
    /// does).
    pub fn next_entry(&mut self) -> Option<Result<RosterEntry, Error>> {
        self.runtime.block_on(self.roster.next_entry())
    }
}

#[cfg(feature = "blocking")]
impl Iterator for CompanyRosterIter {
    type Item = Result<RosterEntry, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_entry()
    }
}

// Written by hand, not with `accessors!`: it walks several endpoints.
impl Hris<'_> {
    /// The whole company, person by person: the directory (`GET /employer/directory`) a page at
    /// a time, and for each page its people's individuals (`POST /employer/individual`) and
    /// employments (`POST /employer/employment`), one request each, side by side. One page of
    /// people is held at a time (see [`RosterOptions::page_size`]).
    ///
    /// ```
    /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
    /// use finch::hris::RosterOptions;
    /// let mut roster = finch.hris().company_roster(RosterOptions::new());
    /// while let Some(entry) = roster.next_entry().await {
    ///     let entry = entry?;
    ///     let title = entry.employment.ok().and_then(|item| item.body.into_result().ok()?.title);
    ///     println!("{} {:?}: {:?}", entry.person.id, entry.person.last_name, title);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn company_roster(self, options: RosterOptions) -> CompanyRoster {
        let mut first = ListDirectory::new().limit(options.page_size.max(1));
        if let Some(entity_id) = &options.entity_id {
            first = first.entity_id(entity_id.clone());
        }
        CompanyRoster {
            walk: Some(Walk {
                finch: self.client.clone(),
                pages: self.directory().pages(first),
                entity_id: options.entity_id,
            }),
            in_flight: None,
            ready: VecDeque::new(),
        }
    }
}

// The twin of the hand-written `company_roster`: the same walk, as an iterator.
#[cfg(feature = "blocking")]
impl crate::blocking::Handle<'_, Hris<'_>> {
    /// [`Hris::company_roster`], as an [`Iterator`] that waits on the calling thread.
    pub fn company_roster(&self, options: RosterOptions) -> CompanyRosterIter {
        CompanyRosterIter {
            roster: self.handle.company_roster(options),
            runtime: self.runtime.clone(),
        }
    }
}
