//! `GET /employer/directory`: the company's people, page by page.

use crate::handles::handle;
use crate::listing::{listing_accessors, listing_request};
use crate::shared::{IndividualRef, Paging};
use finch_macros::model;

listing_request! {
    /// List the company's individuals (`GET /employer/directory`), one page.
    ///
    /// ```
    /// let first_page = finch::hris::ListDirectory::new().limit(500);
    /// assert_eq!(first_page.limit, Some(500));
    /// ```
    #[finch_endpoint(GET "/employer/directory", response = DirectoryPage)]
    pub struct ListDirectory {
        limit: "Page size (Finch's default is 100, its maximum 10,000).",
        offset: "Index of the first individual of the page (default 0).",
        entity_ids: "The entity to read, for connections with several (exactly one id).",
    }
    impl {
        /// The first page, with Finch's default size.
        new;
    }
    => DirectoryPage {
        paging: paging,
        items: individuals: Vec<IndividualInDirectory>,
        id: id,
        max_limit: 10_000,
    }
}

/// One page of the directory.
#[model(Eq)]
pub struct DirectoryPage {
    /// Where the page sits.
    pub paging: Paging,
    /// The individuals on the page.
    pub individuals: Vec<IndividualInDirectory>,
}

/// An individual as the directory lists them.
#[model(Eq, required)]
pub struct IndividualInDirectory {
    /// A stable Finch id (UUID v4) for the individual.
    pub id: String,
    /// The legal first name.
    pub first_name: Option<String>,
    /// The legal middle name.
    pub middle_name: Option<String>,
    /// The legal last name.
    pub last_name: Option<String>,
    /// The individual's manager.
    pub manager: Option<IndividualRef>,
    /// The individual's department.
    pub department: Option<DirectoryDepartment>,
    /// `true` for an active employee or contractor.
    pub is_active: Option<bool>,
}

/// The department of an individual in the directory.
#[model(Eq)]
pub struct DirectoryDepartment {
    /// The department's name.
    pub name: Option<String>,
}

handle! {
    /// `client.hris().directory()`.
    pub struct Directory<'a> {
        listing_accessors! {
            ListDirectory => DirectoryPage {
                accessor: hris.directory,
                endpoint: "GET /employer/directory",
                listing: "the directory",
                item: "individual",
                items: individuals,
                id: id,
            }
        }

        /// The official SDKs' older name of [`list`](Self::list).
        ///
        /// ```
        /// # #[allow(deprecated)]
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let page = finch.hris().directory().list_individuals(finch::hris::ListDirectory::new()).await?;
        /// # Ok(()) }
        /// ```
        #[deprecated(note = "use `list`; kept for code ported from the official SDKs")]
        pub async fn list_individuals(self, request: ListDirectory) -> Result<DirectoryPage, Error>;
    }
}
