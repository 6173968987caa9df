//! Every operation finch declares, in one list: what the OpenAPI rendering (feature `openapi`)
//! and the conformance check (`tools/finch-conformance`, which compares it with Finch's
//! reference) read. A new endpoint is added here.

use crate::operation::Operation;

/// `Operation::of::<crate::module::Endpoint>()` for each endpoint, grouped by module.
macro_rules! described {
    ($($module:ident { $($endpoint:ident),+ })+) => {
        vec![$($(Operation::of::<crate::$module::$endpoint>()),+),+]
    };
}

/// Every operation finch declares.
pub fn operations() -> Vec<Operation> {
    described! {
        access_tokens { CreateAccessToken }
        account { Introspect, Disconnect, DisconnectEntity }
        connect { CreateConnectSession, ReauthenticateConnectSession }
        hris {
            ListBenefits, CreateBenefit, ListSupportedBenefits, RegisterBenefit, RetrieveBenefit,
            UpdateBenefit, ListEnrolledIndividualIds, RetrieveIndividualBenefits,
            EnrollIndividuals, UnenrollIndividuals,
            RetrieveCompany, ListDirectory, ListDocuments, RetrieveDocument,
            RetrieveEmployments, RetrieveIndividuals,
            ListPayStatementItems, ListPayStatementItemRules, CreatePayStatementItemRule,
            UpdatePayStatementItemRule, DeletePayStatementItemRule, RetrievePayStatements,
            ListPayments, ListPlanDependents, RetrievePlanDependents,
            ListPlanEnrollments, RetrievePlanEnrollments, ListPlans, RetrievePlan
        }
        jobs { ListAutomatedJobs, CreateAutomatedJob, RetrieveAutomatedJob, RetrieveManualJob }
        payroll { RetrieveLedgerItems, ListPayGroups, RetrievePayGroup }
        providers { ListProviders }
        request_forwarding { ForwardRequest }
        sandbox {
            UpdateSandboxCompany, CreateSandboxConnection, CreateSandboxAccount,
            UpdateSandboxAccount, CreateSandboxDirectory, UpdateSandboxEmployment,
            UpdateSandboxIndividual, CreateSandboxJob, RetrieveSandboxJobConfiguration,
            UpdateSandboxJobConfiguration, CreateSandboxPayment
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_is_listed_once() {
        let operations = operations();
        let mut seen = std::collections::HashSet::new();
        for operation in &operations {
            assert!(
                seen.insert((operation.method.clone(), operation.path)),
                "{} {} twice",
                operation.method,
                operation.path
            );
        }
    }
}
