//! `/employer/benefits*`: company deductions and contributions, and who is enrolled.
//!
//! The request types are in `requests.rs`, what the endpoints reply in `types.rs`, the
//! contribution unions and their wire form in `unions.rs`; this file holds the handles.

mod requests;
mod types;
mod unions;

pub use requests::*;
pub use types::*;
pub use unions::*;

use crate::handles::handle;

handle! {
    /// `client.hris().benefits()`.
    pub struct Benefits<'a> {
        /// Lists the company's deductions and contributions (`GET /employer/benefits`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// for benefit in finch.hris().benefits().list(finch::hris::ListBenefits::new()).await? {
        ///     println!("{}: {:?}", benefit.benefit_id, benefit.description);
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn list(self, request: ListBenefits) -> Result<Vec<CompanyBenefit>, Error>;

        /// Creates a company-wide deduction or contribution (`POST /employer/benefits`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{BenefitFrequency, BenefitType, CreateBenefit};
        /// let created = finch.hris().benefits().create(
        ///     CreateBenefit::new().benefit_type(BenefitType::B401k).description("401(k)").frequency(BenefitFrequency::EveryPaycheck),
        /// ).await?;
        /// println!("benefit {} (job {})", created.benefit_id, created.job_id);
        /// # Ok(()) }
        /// ```
        pub async fn create(self, request: CreateBenefit) -> Result<CompanyBenefitJob, Error>;

        /// Reads one benefit (`GET /employer/benefits/{benefit_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let benefit = finch.hris().benefits().retrieve(finch::hris::RetrieveBenefit::new("6547e3aa")).await?;
        /// # Ok(()) }
        /// ```
        pub async fn retrieve(self, request: RetrieveBenefit) -> Result<CompanyBenefit, Error>;

        /// Renames a benefit (`POST /employer/benefits/{benefit_id}`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let job = finch.hris().benefits()
        ///     .update(finch::hris::UpdateBenefit::new("6547e3aa").description("Retirement"))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn update(self, request: UpdateBenefit) -> Result<CompanyBenefitJob, Error>;

        /// Registers a benefit that already exists at the provider (`POST /employer/benefits/register`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{BenefitType, RegisterBenefit};
        /// let registered = finch.hris().benefits()
        ///     .register(RegisterBenefit::new().benefit_type(BenefitType::HsaPre).description("HSA"))
        ///     .await?;
        /// # Ok(()) }
        /// ```
        pub async fn register(self, request: RegisterBenefit) -> Result<CompanyBenefitJob, Error>;

        /// Who is enrolled in a benefit, and how (`/employer/benefits/{benefit_id}/individuals` and
        /// `/enrolled`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let individuals = finch.hris().benefits().individuals();
        /// let enrolled = individuals.enrolled_ids(finch::hris::ListEnrolledIndividualIds::new("6547e3aa")).await?;
        /// # Ok(()) }
        /// ```
        pub fn individuals(&self) -> BenefitIndividuals<'a>;

        /// Lists the benefit types the provider supports, with their features
        /// (`GET /employer/benefits/meta`; Finch's reference marks it deprecated).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let supported = finch.hris().benefits()
        ///     .list_supported_benefits(finch::hris::ListSupportedBenefits::new())
        ///     .await?;
        /// for benefit in supported {
        ///     println!("{:?}: {:?}", benefit.benefit_type, benefit.frequencies);
        /// }
        /// # Ok(()) }
        /// ```
        // The reply wraps the list (`SupportedBenefits`, which reads `null` as empty).
        pub async fn list_supported_benefits(self, request: ListSupportedBenefits)
            -> Result<Vec<SupportedBenefit>, Error>
            => map |supported: SupportedBenefits| supported.0;
    }
}

handle! {
    /// `client.hris().benefits().individuals()`.
    pub struct BenefitIndividuals<'a> {
        /// Lists the ids of the individuals enrolled in a benefit
        /// (`GET /employer/benefits/{benefit_id}/enrolled`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let enrolled = finch.hris().benefits().individuals()
        ///     .enrolled_ids(finch::hris::ListEnrolledIndividualIds::new("6547e3aa"))
        ///     .await?;
        /// println!("{} enrolled", enrolled.individual_ids.len());
        /// # Ok(()) }
        /// ```
        pub async fn enrolled_ids(self, request: ListEnrolledIndividualIds) -> Result<EnrolledIndividualIds, Error>;

        /// Reads individuals' enrollment in a benefit
        /// (`GET /employer/benefits/{benefit_id}/individuals`).
        ///
        /// For any number of ids, in batches run side by side, see
        /// [`Finch::read_bulk`](crate::Finch::read_bulk).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::RetrieveIndividualBenefits;
        /// let results = finch.hris().benefits().individuals()
        ///     .retrieve_many_benefits(RetrieveIndividualBenefits::new("6547e3aa").individual_ids(["d675d2b7"]))
        ///     .await?;
        /// for result in results {
        ///     match result.body.into_result() {
        ///         Ok(enrollment) => println!("{}: {:?}", result.individual_id, enrollment.employee_deduction),
        ///         Err(error) => eprintln!("{}: {error}", result.individual_id),
        ///     }
        /// }
        /// # Ok(()) }
        /// ```
        pub async fn retrieve_many_benefits(self, request: RetrieveIndividualBenefits) -> Result<Vec<IndividualBenefitResponse>, Error>;

        /// Enrolls individuals in a benefit (`POST /employer/benefits/{benefit_id}/individuals`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// use finch::hris::{BenefitEnrollment, EmployeeDeduction, EnrollIndividuals};
        /// let job = finch.hris().benefits().individuals()
        ///     .enroll_many(EnrollIndividuals::new("6547e3aa", [
        ///         BenefitEnrollment::new("d02a6346").employee_deduction(EmployeeDeduction::Fixed { amount: 10_000 }),
        ///     ]))
        ///     .await?;
        /// println!("job {}", job.job_id);
        /// # Ok(()) }
        /// ```
        pub async fn enroll_many(self, request: EnrollIndividuals) -> Result<EnrolledIndividualsResponse, Error>;

        /// Unenrolls individuals from a benefit (`DELETE /employer/benefits/{benefit_id}/individuals`).
        ///
        /// ```
        /// # async fn demo(finch: finch::Finch) -> Result<(), finch::Error> {
        /// let job = finch.hris().benefits().individuals()
        ///     .unenroll_many(finch::hris::UnenrollIndividuals::new("6547e3aa", ["5d0b10a1"]))
        ///     .await?;
        /// println!("job {}", job.job_id);
        /// # Ok(()) }
        /// ```
        pub async fn unenroll_many(self, request: UnenrollIndividuals) -> Result<UnenrolledIndividualsResponse, Error>;
    }
}
