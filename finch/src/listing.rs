//! How finch's own listings page: one declaration per listing request, so that every listing
//! follows the rules of [`finch_core::paging`] (the page must be the one asked for, the end is an
//! empty or short page, an error ends the walk).

/// Implements [`finch_core::Paginated`] for a listing request with `limit` and `offset` query
/// fields.
///
/// - `max_limit`: the largest page Finch serves; a larger `limit` is answered with pages of this
///   size, so the pager counts those as full.
/// - `paging`: the page's [`Paging`](crate::shared::Paging) member, for listings that report their
///   offset and total (leave it out for those that do not, such as automated jobs).
/// - `items` and `id`: the page's item vector and each item's id, for the fingerprint that
///   recognises a repeated page.
macro_rules! offset_listing {
    (
        $request:ident => $page:ident {
            $(paging: $paging:ident,)?
            items: $items:ident: Vec<$item:ty>,
            id: $id:ident,
            max_limit: $max:expr $(,)?
        }
    ) => {
        impl finch_core::Paginated for $request {
            type Item = $item;

            fn offset(&self) -> u64 {
                self.offset.unwrap_or(0)
            }

            fn limit(&self) -> Option<u64> {
                self.limit.map(|limit| limit.min($max))
            }

            fn at_offset(&self, offset: u64) -> Self {
                $request {
                    offset: Some(offset),
                    ..self.clone()
                }
            }

            fn page_info(page: &$page) -> finch_core::PageInfo {
                let info = finch_core::PageInfo::new(page.$items.len())
                    .fingerprint_ids(page.$items.iter().map(|item| item.$id.as_str()));
                $(let info = info.offset(page.$paging.offset).total(page.$paging.count);)?
                info
            }

            fn into_items(page: $page) -> Vec<$item> {
                page.$items
            }
        }
    };
}

pub(crate) use offset_listing;
