//! How finch's own listings page: one declaration per listing request, so that every listing
//! follows the rules of [`finch_core::paging`] (the page must be the one asked for, the end is an
//! empty or short page, an error ends the walk).

/// Declares a listing request: the struct (with the derives and `#[non_exhaustive]` every
/// listing has), its `new()` and setters, and its [`finch_core::Paginated`] impl
/// ([`offset_listing!`]).
///
/// The fields every listing shares are written by name and doc alone; the macro writes them as
/// `#[finch(query)]` fields, in this order (the order of the query string), with their setters:
/// - `limit: "doc"` and `offset: "doc"` (`Option<u64>`, setters `limit` and `offset`);
/// - `entity_ids: "doc"` last, where the listing has it (`Option<Vec<String>>`, setter
///   `entity_id`).
///
/// The listing's other fields are written out, before `limit` or after `offset`. After the
/// struct, `impl { .. }` holds `new`'s doc comment and `new;` (the first page: every field
/// `None`), then the struct's other methods (`setters! { .. }`, methods written by hand); last,
/// after `=>`, what [`offset_listing!`] takes after the request's name.
///
/// ```text
/// listing_request! {
///     /// List the company's individuals (`GET /employer/directory`), one page.
///     #[finch_endpoint(GET "/employer/directory", response = DirectoryPage)]
///     pub struct ListDirectory {
///         limit: "Page size (Finch's default is 100, its maximum 10,000).",
///         offset: "Index of the first individual of the page (default 0).",
///         entity_ids: "The entity to read, for connections with several (exactly one id).",
///     }
///     impl {
///         /// The first page, with Finch's default size.
///         new;
///     }
///     => DirectoryPage { paging: paging, items: individuals: Vec<IndividualInDirectory>, id: id, max_limit: 10_000 }
/// }
/// ```
macro_rules! listing_request {
    (
        $(#[doc = $doc:literal])*
        #[finch_endpoint($($endpoint:tt)*)]
        pub struct $name:ident {
            $($(#[$before_attr:meta])* pub $before:ident: $before_ty:ty,)*
            limit: $limit_doc:literal,
            offset: $offset_doc:literal,
            $($(#[$after_attr:meta])* pub $after:ident: $after_ty:ty,)*
            $(entity_ids: $entity_doc:literal,)?
        }
        impl { $(#[$new_doc:meta])* new; $($methods:tt)* }
        => $($listing:tt)*
    ) => {
        $crate::setters::request_struct! {
            [$(#[doc = $doc])* #[$crate::finch_endpoint($($endpoint)*)]]
            $name {
                $($(#[$before_attr])* pub $before: $before_ty,)*
                #[doc = $limit_doc]
                #[finch(query)]
                pub limit: Option<u64>,
                #[doc = $offset_doc]
                #[finch(query)]
                pub offset: Option<u64>,
                $($(#[$after_attr])* pub $after: $after_ty,)*
                $(
                    #[doc = $entity_doc]
                    #[finch(query)]
                    pub entity_ids: Option<Vec<String>>,
                )?
            }
        }

        impl $name {
            $(#[$new_doc])*
            pub fn new() -> Self {
                Self::default()
            }

            $($methods)*

            $crate::setters::setters! {
                /// Sets the page size.
                limit(limit: u64);
                /// Starts at `offset`.
                offset(offset: u64);
            }

            $($crate::listing::listing_request! { @entity_id $entity_doc })?
        }

        $crate::listing::offset_listing! { $name => $($listing)* }
    };

    // The `entity_id` setter, for a listing with `entity_ids`.
    (@entity_id $entity_doc:literal) => {
        $crate::setters::setters! {
            /// Reads the entity `entity_id`.
            entity_id;
        }
    };
}

pub(crate) use listing_request;

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

/// Writes the three accessors of a listing's handle (an entry of
/// [`handle!`](crate::handles::handle), or inside an `impl` block): `list` (one page),
/// `pages` (a [`Pages`](finch_core::Pages) walk, one page held at a time) and `list_all` (the
/// items, as [`Items`](finch_core::Items)), each with a doc comment and an example made from the
/// names given.
///
/// - `accessor`: the handle's path from the client (`hris.directory` is
///   `finch.hris().directory()`); its first part is the module the request is in.
/// - `endpoint`: the method and path, for the docs.
/// - `listing` and `item`: what the listing and one item are called in the docs ("the
///   directory", "individual"); `beta` marks the docs of beta listings.
/// - `items` and `id`: the page's item vector and an item's id, for the examples.
///
/// ```text
/// handle! {
///     /// `client.hris().directory()`.
///     pub struct Directory<'a> {
///         listing_accessors! {
///             ListDirectory => DirectoryPage {
///                 accessor: hris.directory,
///                 endpoint: "GET /employer/directory",
///                 listing: "the directory",
///                 item: "individual",
///                 items: individuals,
///                 id: id,
///             }
///         }
///     }
/// }
/// ```
///
/// Called with `@blocking Handle` before the body (by [`accessors!`](crate::handles::accessors)),
/// it writes the blocking twins instead, for [`blocking::Handle`](crate::blocking::Handle):
/// `list` waits for the page, `pages` and `list_all` are [`Iterator`]s over the same walk
/// ([`blocking::Pages`](crate::blocking::Pages), [`blocking::Items`](crate::blocking::Items)).
macro_rules! listing_accessors {
    (
        $(@blocking $twin_of:ident)?
        $request:ident => $page:ident {
            accessor: $module:ident . $handle:ident,
            endpoint: $endpoint:literal,
            listing: $listing:literal,
            item: $item:literal,
            items: $items:ident,
            id: $id:ident
            $(, beta: $beta:tt)? $(,)?
        }
    ) => {
        $crate::listing::listing_accessors! {
            @mode [$($twin_of)?] [$($beta)?]
            [$request $page $module $handle $endpoint $listing $item $items $id]
        }
    };
    // The async accessors.
    (@mode [] $beta:tt $names:tt) => {
        $crate::listing::listing_accessors! { @notes $beta $names }
    };
    // The blocking twins, in `impl blocking::Handle<'a, $twin_of<'a>>`.
    (
        @mode [$twin_of:ident] $beta:tt
        [
            $request:ident $page:ident $module:ident $handle:ident $endpoint:literal
            $listing:literal $item:literal $items:ident $id:ident
        ]
    ) => {
        #[doc = concat!("[`", stringify!($twin_of), "::list`], blocking: waits on the calling thread.")]
        pub fn list(self, request: $request) -> Result<$page, $crate::Error> {
            let page = self.handle.list(request);
            self.runtime.block_on(page)
        }

        #[doc = concat!(
            "[`", stringify!($twin_of), "::pages`] as an [`Iterator`] of pages: each is fetched ",
            "when asked for, by the same rules, waiting on the calling thread."
        )]
        pub fn pages(self, request: $request) -> $crate::blocking::Pages<$request> {
            $crate::blocking::Pages::from_async(self.handle.pages(request), self.runtime.clone())
        }

        #[doc = concat!(
            "[`", stringify!($twin_of), "::list_all`] as an [`Iterator`] of ", $item, "s, ",
            "fetched a page at a time, waiting on the calling thread."
        )]
        pub fn list_all(self, request: $request) -> $crate::blocking::Items<$request> {
            $crate::blocking::Items::from_async(self.handle.list_all(request), self.runtime.clone())
        }
    };
    // What the docs add for a beta listing.
    (@notes [] $names:tt) => {
        $crate::listing::listing_accessors! { @accessors $names [""] [""] }
    };
    (@notes [true] $names:tt) => {
        $crate::listing::listing_accessors! { @accessors $names ["; beta"] [" (beta)"] }
    };
    (
        @accessors
        [
            $request:ident $page:ident $module:ident $handle:ident $endpoint:literal
            $listing:literal $item:literal $items:ident $id:ident
        ]
        [$endpoint_note:literal] [$note:literal]
    ) => {
        #[doc = concat!("Reads one page of ", $listing, " (`", $endpoint, "`", $endpoint_note, ").")]
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        #[doc = concat!("use finch::", stringify!($module), "::", stringify!($request), ";")]
        #[doc = concat!(
            "let page = finch.", stringify!($module), "().", stringify!($handle), "()",
            ".list(", stringify!($request), "::new().limit(50)).await?;"
        )]
        #[doc = concat!(
            "println!(\"{} ", $item, "s on this page\", page.", stringify!($items), ".len());"
        )]
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: $request) -> Result<$page, $crate::Error> {
            self.client.send(&request).await
        }

        #[doc = concat!(
            "Walks ", $listing, " page by page, starting at `request`'s offset; only one page is ",
            "held at a time", $note, "."
        )]
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        #[doc = concat!("use finch::", stringify!($module), "::", stringify!($request), ";")]
        #[doc = concat!(
            "let mut pages = finch.", stringify!($module), "().", stringify!($handle), "()",
            ".pages(", stringify!($request), "::new().limit(50));"
        )]
        /// while let Some(page) = pages.next_page().await {
        #[doc = concat!("    for item in page?.", stringify!($items), " {")]
        #[doc = concat!("        println!(\"{}\", item.", stringify!($id), ");")]
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub fn pages(self, request: $request) -> ::finch_core::Pages<$request> {
            ::finch_core::Pages::new(self.client.core().clone(), request)
        }

        #[doc = concat!("Every ", $item, ", one at a time, fetched a page at a time", $note, ".")]
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        #[doc = concat!("use finch::", stringify!($module), "::", stringify!($request), ";")]
        #[doc = concat!(
            "let mut items = finch.", stringify!($module), "().", stringify!($handle), "()",
            ".list_all(", stringify!($request), "::new().limit(50));"
        )]
        /// while let Some(item) = items.next_item().await {
        #[doc = concat!("    println!(\"{}\", item?.", stringify!($id), ");")]
        /// }
        /// # Ok(()) }
        /// ```
        pub fn list_all(self, request: $request) -> ::finch_core::Items<$request> {
            self.pages(request).items()
        }
    };
}

pub(crate) use listing_accessors;
