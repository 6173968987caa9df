//! Every operation finch declares, gathered from the resource modules' `OPERATIONS`.

use crate::operation::Operation;

/// Every operation finch declares.
pub fn operations() -> Vec<Operation> {
    [
        crate::access_tokens::OPERATIONS,
        crate::account::OPERATIONS,
        crate::connect::sessions::OPERATIONS,
        crate::hris::benefits::OPERATIONS,
        crate::hris::company::OPERATIONS,
        crate::hris::directory::OPERATIONS,
        crate::hris::documents::OPERATIONS,
        crate::hris::employments::OPERATIONS,
        crate::hris::individuals::OPERATIONS,
        crate::hris::pay_statement_items::OPERATIONS,
        crate::hris::pay_statements::OPERATIONS,
        crate::hris::payments::OPERATIONS,
        crate::hris::plan_dependents::OPERATIONS,
        crate::hris::plan_enrollments::OPERATIONS,
        crate::hris::plans::OPERATIONS,
        crate::jobs::automated::OPERATIONS,
        crate::jobs::manual::OPERATIONS,
        crate::payroll::ledger_items::OPERATIONS,
        crate::payroll::pay_groups::OPERATIONS,
        crate::providers::OPERATIONS,
        crate::request_forwarding::OPERATIONS,
        crate::sandbox::company::OPERATIONS,
        crate::sandbox::connections::OPERATIONS,
        crate::sandbox::directory::OPERATIONS,
        crate::sandbox::employment::OPERATIONS,
        crate::sandbox::individual::OPERATIONS,
        crate::sandbox::jobs::OPERATIONS,
        crate::sandbox::payment::OPERATIONS,
    ]
    .concat()
    .into_iter()
    .map(|describe| describe())
    .collect()
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
