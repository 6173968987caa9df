//! The rules: what a page says about itself, the offset after it, and the errors that end a
//! walk. No I/O here; [`stream`](super::stream) applies them to the pages it fetches.

use crate::endpoint::Endpoint;
use crate::error::{PagingError, PagingErrorKind};

/// A request for one page of an offset-paged listing.
///
/// Implement it for a listing of your own and [`Pages`](crate::Pages) walks it by
/// [the paging rules](crate::paging): it checks every page against the request (by the offset
/// the page reports, by its fingerprint, by its body), decides the end (an empty page, or a page
/// shorter than [`limit`](Self::limit) that no larger total contradicts), and never loops. Report
/// in [`page_info`](Self::page_info) all the page says about itself: each piece makes a
/// misbehaving server easier to catch.
///
/// ```
/// use finch_core::{PageInfo, Paginated};
/// # use finch_core::{AuthScheme, Endpoint, ParamSpec, PathWriter, QueryWriter, RequestError};
/// # #[derive(serde::Deserialize)] struct Page { items: Vec<Thing>, offset: u64, count: Option<u64> }
/// # #[derive(serde::Deserialize)] struct Thing { id: String }
/// # #[derive(Clone)] struct ListThings { offset: u64, limit: Option<u64> }
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
///     type Item = Thing;
///     fn offset(&self) -> u64 {
///         self.offset
///     }
///     fn limit(&self) -> Option<u64> {
///         self.limit
///     }
///     fn at_offset(&self, offset: u64) -> Self {
///         ListThings { offset, ..self.clone() }
///     }
///     fn page_info(page: &Page) -> PageInfo {
///         PageInfo::new(page.items.len())
///             .offset(page.offset)
///             .total(page.count)
///             .fingerprint_ids(page.items.iter().map(|thing| thing.id.as_str()))
///     }
///     fn into_items(page: Page) -> Vec<Thing> {
///         page.items
///     }
/// }
/// ```
pub trait Paginated: Endpoint + Clone + Send + Sync {
    /// One item of a page.
    type Item: Send;

    /// The offset this request asks for (0 when it names none).
    fn offset(&self) -> u64;

    /// The page size this request asks for, as the server will apply it: the limit set, capped
    /// at the listing's documented maximum (a server answers a larger limit with full pages of
    /// the maximum). `None` when the request leaves the size to the server.
    fn limit(&self) -> Option<u64>;

    /// This request, asking for the page at `offset` (same filters, same limit).
    fn at_offset(&self, offset: u64) -> Self;

    /// What a page says about itself: how many items it holds, and where available the offset
    /// it reports, the listing's total and a fingerprint of its items.
    fn page_info(page: &Self::Response) -> PageInfo;

    /// The items of a page.
    fn into_items(page: Self::Response) -> Vec<Self::Item>;

    /// The request for the page after `page` (which this request returned), `Ok(None)` when
    /// `page` was the last, or the error that ends the walk: the rules of [`next_offset`], for
    /// code that pages by hand. [`Pages`](crate::Pages) also checks for repeated pages.
    fn next_request(&self, page: &Self::Response) -> Result<Option<Self>, PagingError> {
        let asked = self.offset();
        next_offset(asked, self.limit(), &Self::page_info(page))
            .map(|next| next.map(|offset| self.at_offset(offset)))
            .map_err(|kind| PagingError::new(Self::NAME, asked, kind))
    }
}

/// What a page says about itself, for the paging rules (see [`Paginated::page_info`]).
///
/// ```
/// use finch_core::PageInfo;
/// let info = PageInfo::new(2).offset(100).total(Some(102)).fingerprint_ids(["a", "b"]);
/// assert_eq!((info.len, info.offset, info.total), (2, Some(100), Some(102)));
/// assert_eq!(info.fingerprint, PageInfo::new(2).fingerprint_ids(["a", "b"]).fingerprint);
/// assert_ne!(info.fingerprint, PageInfo::new(2).fingerprint_ids(["b", "a"]).fingerprint);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PageInfo {
    /// The number of items on the page.
    pub len: usize,
    /// The offset the page reports for itself, when the listing reports one.
    pub offset: Option<u64>,
    /// The number of items in the whole listing, when the listing reports it.
    pub total: Option<u64>,
    /// A fingerprint of the page's items by their ids (see [`fingerprint_ids`](Self::fingerprint_ids)),
    /// when the listing has ids: a page with the fingerprint of the page before it is that page
    /// served again.
    pub fingerprint: Option<u64>,
}

impl PageInfo {
    /// A page of `len` items that reports nothing else.
    pub fn new(len: usize) -> Self {
        PageInfo {
            len,
            ..PageInfo::default()
        }
    }

    /// The offset the page reports.
    pub fn offset(mut self, offset: u64) -> Self {
        self.offset = Some(offset);
        self
    }

    /// The listing's total, when the page reports it.
    pub fn total(mut self, total: Option<u64>) -> Self {
        self.total = total;
        self
    }

    /// The fingerprint of the page's item ids, in order: their number and the first, middle and
    /// last of them (every id of a page of up to three).
    ///
    /// That is enough to recognise a page served again, the only question it answers: of two
    /// consecutive pages of a consistent listing, the second starts where the first ended, so
    /// its first item is another one. Hashing three ids keeps the check's cost the same for a
    /// page of 10 or 10,000 items.
    pub fn fingerprint_ids<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Self {
        let middle = self.len / 2;
        let mut hash = FastHash::new();
        let mut count = 0usize;
        let mut last = None;
        for (index, id) in ids.into_iter().enumerate() {
            if index == 0 || index == middle {
                // `write` hashes the length too, so that ["ab", "c"] and ["a", "bc"] differ.
                hash.write(id.as_bytes());
            }
            last = Some(id);
            count = index + 1;
        }
        if let Some(last) = last {
            hash.write(last.as_bytes());
        }
        hash.write(&count.to_le_bytes());
        self.fingerprint = Some(hash.finish());
        self
    }
}

/// The offset of the page after one asked at `asked_offset` with `asked_limit`, by the rules of
/// this module: `Ok(None)` at the end of the listing, `Err` when the page is not the one asked
/// for.
///
/// ```
/// use finch_core::{PageInfo, PagingErrorKind, next_offset};
/// // A full page goes on, even when the total says it was the last (the total may have shrunk).
/// assert_eq!(next_offset(0, Some(100), &PageInfo::new(100).offset(0).total(Some(100))), Ok(Some(100)));
/// // A short page ends the listing when the total agrees...
/// assert_eq!(next_offset(200, Some(100), &PageInfo::new(50).offset(200).total(Some(250))), Ok(None));
/// // ...and goes on when the total grew past it.
/// assert_eq!(next_offset(200, Some(100), &PageInfo::new(50).offset(200).total(Some(400))), Ok(Some(250)));
/// // Without a limit, only an empty page ends it.
/// assert_eq!(next_offset(0, None, &PageInfo::new(3)), Ok(Some(3)));
/// assert_eq!(next_offset(3, None, &PageInfo::new(0)), Ok(None));
/// // Another page than the one asked for is an error.
/// assert_eq!(
///     next_offset(100, Some(100), &PageInfo::new(100).offset(0)),
///     Err(PagingErrorKind::WrongOffset { received: 0 }),
/// );
/// ```
pub fn next_offset(
    asked_offset: u64,
    asked_limit: Option<u64>,
    page: &PageInfo,
) -> Result<Option<u64>, PagingErrorKind> {
    if let Some(received) = page.offset
        && received != asked_offset
    {
        return Err(PagingErrorKind::WrongOffset { received });
    }
    if page.len == 0 {
        return Ok(None);
    }
    let next = u64::try_from(page.len)
        .ok()
        .and_then(|len| asked_offset.checked_add(len))
        .ok_or(PagingErrorKind::NoProgress)?;
    // A limit of 0 cannot be "full"; treat it as unknown rather than ending after any page.
    let full = asked_limit
        .filter(|&limit| limit > 0)
        .is_none_or(|limit| next - asked_offset >= limit);
    let total_says_more = page.total.is_some_and(|total| next < total);
    Ok((full || total_says_more).then_some(next))
}

/// A fast, non-cryptographic 64-bit hash (word at a time, as rustc's FxHash, with a final mix):
/// it only tells a repeated page from a new one, and must cost next to nothing beside decoding.
pub(crate) struct FastHash(u64);

impl FastHash {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    pub(crate) fn new() -> Self {
        FastHash(0)
    }

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        // A chunk of 8 bytes as one load (`copy_from_slice` of a slice costs a call per word).
        let word =
            |chunk: &[u8]| u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(word(chunk));
        }
        let rest = chunks.remainder();
        if bytes.len() >= 8 {
            // The last 8 bytes, overlapping the last whole word: no copy of a variable length
            // (ids are hashed by the hundred a page).
            if !rest.is_empty() {
                self.add(word(&bytes[bytes.len() - 8..]));
            }
        } else {
            self.add(
                rest.iter()
                    .rev()
                    .fold(0u64, |word, &byte| (word << 8) | u64::from(byte)),
            );
        }
        self.add(bytes.len() as u64);
    }

    pub(crate) fn finish(&self) -> u64 {
        // splitmix64's finaliser: every input bit reaches every output bit.
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shrinking_total_does_not_end_a_full_page() {
        // 250 people, the total reported falling by 50 a page.
        let mut offset = 0;
        let mut pages = 0;
        let mut total = 250u64;
        while let Some(next) = next_offset(
            offset,
            Some(100),
            &PageInfo::new((250 - offset as usize).min(100))
                .offset(offset)
                .total(Some(total)),
        )
        .unwrap()
        {
            offset = next;
            pages += 1;
            total -= 50;
        }
        assert_eq!((offset, pages), (200, 2));
    }

    #[test]
    fn the_page_must_be_the_one_asked_for() {
        assert_eq!(
            next_offset(50, Some(50), &PageInfo::new(50).offset(0)),
            Err(PagingErrorKind::WrongOffset { received: 0 })
        );
        assert_eq!(
            next_offset(u64::MAX, Some(50), &PageInfo::new(50)),
            Err(PagingErrorKind::NoProgress)
        );
        // A limit of 0 is no limit, not "every page is full".
        assert_eq!(next_offset(0, Some(0), &PageInfo::new(5)), Ok(Some(5)));
        assert_eq!(next_offset(5, Some(0), &PageInfo::new(0)), Ok(None));
    }

    #[test]
    fn the_hash_tells_pages_apart() {
        let hash = |bytes: &[u8]| {
            let mut hash = FastHash::new();
            hash.write(bytes);
            hash.finish()
        };
        assert_eq!(hash(b"{\"offset\":0}"), hash(b"{\"offset\":0}"));
        assert_ne!(hash(b"{\"offset\":0}"), hash(b"{\"offset\":1}"));
        assert_ne!(hash(b""), hash(b"\0"));
        assert_ne!(
            PageInfo::new(2).fingerprint_ids(["ab", "c"]).fingerprint,
            PageInfo::new(2).fingerprint_ids(["a", "bc"]).fingerprint
        );
    }

    #[test]
    fn the_fingerprint_tells_consecutive_pages_apart_and_knows_a_page_again() {
        let ids: Vec<String> = (0..1_000)
            .map(|n| format!("individual-{n:06}-fixture"))
            .collect();
        let page = |offset: usize, len: usize| {
            let ids = &ids[offset..offset + len];
            PageInfo::new(len)
                .fingerprint_ids(ids.iter().map(String::as_str))
                .fingerprint
        };
        for len in [1, 2, 3, 10, 100] {
            for offset in (0..1_000 - 2 * len).step_by(len) {
                assert_ne!(page(offset, len), page(offset + len, len), "{offset}+{len}");
                assert_eq!(page(offset, len), page(offset, len));
            }
        }
        // A page of up to three: every id counts, and their order.
        let three = |a: &str, b: &str, c: &str| PageInfo::new(3).fingerprint_ids([a, b, c]);
        assert_ne!(three("a", "b", "c"), three("a", "x", "c"));
        assert_ne!(three("a", "b", "c"), three("c", "b", "a"));
        // A page one item shorter or longer is another page.
        assert_ne!(page(0, 10), page(0, 11));
    }

    #[test]
    fn every_byte_of_every_length_counts() {
        // Each length takes another path (short, one or two words, whole steps, a tail that
        // overlaps): a change to any byte, or one byte more, changes the hash.
        let hash = |bytes: &[u8]| {
            let mut hash = FastHash::new();
            hash.write(bytes);
            hash.finish()
        };
        let text: Vec<u8> = (0..48u8).map(|n| b'a' + n % 26).collect();
        let mut seen = std::collections::HashSet::new();
        for len in 0..=text.len() {
            let original = hash(&text[..len]);
            assert!(
                seen.insert(original),
                "length {len} collides with a shorter prefix"
            );
            for at in 0..len {
                let mut changed = text[..len].to_vec();
                changed[at] ^= 1;
                assert_ne!(hash(&changed), original, "byte {at} of {len} is not hashed");
            }
        }
    }
}
