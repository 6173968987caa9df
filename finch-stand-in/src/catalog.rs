//! Static reference data that does not depend on the fixture company: the providers Finch
//! integrates with, the benefit types the fixture provider supports, the benefit plans the
//! company offers, and the tax rates payroll uses. Data only, no logic.

/// A payroll or HRIS provider of `GET /providers`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ProviderInfo {
    pub(crate) id: &'static str,
    pub(crate) display_name: &'static str,
    pub(crate) products: &'static [&'static str],
    /// Authentication methods (`api_token`, `assisted`, `credential`, `oauth`, `api_credential`).
    pub(crate) methods: &'static [&'static str],
    pub(crate) beta: bool,
    pub(crate) mfa_required: bool,
    pub(crate) primary_color: &'static str,
    /// Whether the provider supports Finch's deductions (`/employer/benefits*`).
    pub(crate) benefits: bool,
}

const ORG: &[&str] = &["company", "directory", "individual", "employment"];
const ORG_AND_PAYROLL: &[&str] = &[
    "company",
    "directory",
    "individual",
    "employment",
    "payment",
    "pay_statement",
];
const FULL: &[&str] = &[
    "company",
    "directory",
    "individual",
    "employment",
    "payment",
    "pay_statement",
    "benefits",
    "documents",
    "ssn",
];

const fn provider(
    id: &'static str,
    display_name: &'static str,
    products: &'static [&'static str],
    methods: &'static [&'static str],
    primary_color: &'static str,
) -> ProviderInfo {
    ProviderInfo {
        id,
        display_name,
        products,
        methods,
        beta: false,
        mfa_required: false,
        primary_color,
        benefits: false,
    }
}

const fn with_benefits(mut info: ProviderInfo) -> ProviderInfo {
    info.benefits = true;
    info
}

const fn with_mfa(mut info: ProviderInfo) -> ProviderInfo {
    info.mfa_required = true;
    info
}

const fn in_beta(mut info: ProviderInfo) -> ProviderInfo {
    info.beta = true;
    info
}

/// The providers: the fixture company's provider first, then the others by id.
pub(crate) const PROVIDERS: &[ProviderInfo] = &[
    with_benefits(provider(
        "gusto",
        "Gusto",
        FULL,
        &["oauth", "assisted"],
        "#F45D48",
    )),
    with_benefits(with_mfa(provider(
        "adp_run",
        "ADP Running Payroll",
        FULL,
        &["credential", "assisted"],
        "#D0271D",
    ))),
    provider(
        "adp_workforce_now",
        "ADP Workforce Now",
        ORG_AND_PAYROLL,
        &["api_credential", "assisted"],
        "#D0271D",
    ),
    provider(
        "bamboo_hr",
        "BambooHR",
        ORG,
        &["api_token", "oauth"],
        "#73C41D",
    ),
    with_benefits(provider(
        "justworks",
        "Justworks",
        FULL,
        &["credential", "assisted"],
        "#0F62FE",
    )),
    with_benefits(with_mfa(provider(
        "paychex_flex",
        "Paychex Flex",
        FULL,
        &["credential", "assisted"],
        "#0055A5",
    ))),
    provider(
        "paycom",
        "Paycom",
        ORG_AND_PAYROLL,
        &["api_token", "assisted"],
        "#00843D",
    ),
    provider(
        "paylocity",
        "Paylocity",
        ORG_AND_PAYROLL,
        &["api_credential", "assisted"],
        "#E3000F",
    ),
    with_benefits(provider(
        "quickbooks",
        "QuickBooks Payroll",
        FULL,
        &["oauth"],
        "#2CA01C",
    )),
    with_benefits(provider(
        "rippling",
        "Rippling",
        FULL,
        &["oauth", "assisted"],
        "#502D3C",
    )),
    provider(
        "sequoia_one",
        "Sequoia One",
        ORG_AND_PAYROLL,
        &["assisted"],
        "#1B365D",
    ),
    provider(
        "trinet",
        "TriNet",
        ORG_AND_PAYROLL,
        &["credential", "assisted"],
        "#00A3E0",
    ),
    in_beta(provider(
        "workday",
        "Workday",
        ORG_AND_PAYROLL,
        &["api_credential", "assisted"],
        "#005CB9",
    )),
    provider(
        "zenefits",
        "TriNet Zenefits",
        ORG_AND_PAYROLL,
        &["api_token", "oauth"],
        "#EF5A2A",
    ),
];

pub(crate) fn provider_info(id: &str) -> Option<&'static ProviderInfo> {
    PROVIDERS.iter().find(|provider| provider.id == id)
}

/// A benefit type the fixture provider supports (`GET /employer/benefits/meta`): type,
/// description, frequencies, employee deduction kinds, company contribution kinds, whether an
/// annual maximum and catch-up apply, and whether it has an HSA contribution limit.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SupportedBenefitInfo {
    pub(crate) kind: &'static str,
    pub(crate) description: &'static str,
    pub(crate) frequencies: &'static [&'static str],
    pub(crate) employee_deduction: &'static [&'static str],
    pub(crate) company_contribution: &'static [&'static str],
    pub(crate) annual_maximum: bool,
    pub(crate) catch_up: bool,
    pub(crate) hsa_limit: bool,
}

const fn supported(
    kind: &'static str,
    description: &'static str,
    employee_deduction: &'static [&'static str],
    company_contribution: &'static [&'static str],
    annual_maximum: bool,
    catch_up: bool,
) -> SupportedBenefitInfo {
    SupportedBenefitInfo {
        kind,
        description,
        frequencies: &["every_paycheck"],
        employee_deduction,
        company_contribution,
        annual_maximum,
        catch_up,
        hsa_limit: false,
    }
}

const AMOUNTS: &[&str] = &["fixed", "percent"];
const MATCHES: &[&str] = &["fixed", "percent", "tiered"];
const FIXED: &[&str] = &["fixed"];

pub(crate) const SUPPORTED_BENEFITS: &[SupportedBenefitInfo] = &[
    supported("401k", "401(k)", AMOUNTS, MATCHES, true, true),
    supported("401k_roth", "Roth 401(k)", AMOUNTS, MATCHES, true, true),
    supported(
        "401k_loan",
        "401(k) Loan Repayment",
        FIXED,
        &[],
        false,
        false,
    ),
    supported("403b", "403(b)", AMOUNTS, MATCHES, true, true),
    supported("457", "457(b)", AMOUNTS, AMOUNTS, true, true),
    supported("simple_ira", "SIMPLE IRA", AMOUNTS, AMOUNTS, true, true),
    supported(
        "s125_medical",
        "Section 125 Medical",
        FIXED,
        FIXED,
        false,
        false,
    ),
    supported(
        "s125_dental",
        "Section 125 Dental",
        FIXED,
        FIXED,
        false,
        false,
    ),
    supported(
        "s125_vision",
        "Section 125 Vision",
        FIXED,
        FIXED,
        false,
        false,
    ),
    SupportedBenefitInfo {
        hsa_limit: true,
        ..supported(
            "hsa_pre",
            "Health Savings Account (pre-tax)",
            FIXED,
            FIXED,
            true,
            true,
        )
    },
    SupportedBenefitInfo {
        hsa_limit: true,
        ..supported(
            "hsa_post",
            "Health Savings Account (post-tax)",
            FIXED,
            &[],
            true,
            true,
        )
    },
    supported("fsa_medical", "Medical FSA", FIXED, &[], true, false),
    supported(
        "fsa_dependent_care",
        "Dependent Care FSA",
        FIXED,
        &[],
        true,
        false,
    ),
    SupportedBenefitInfo {
        frequencies: &["every_paycheck", "monthly"],
        ..supported("commuter", "Commuter Benefits", FIXED, FIXED, true, false)
    },
    SupportedBenefitInfo {
        frequencies: &["every_paycheck", "monthly", "one_time"],
        ..supported(
            "custom_pre_tax",
            "Custom Pre-Tax Deduction",
            AMOUNTS,
            &[],
            false,
            false,
        )
    },
    SupportedBenefitInfo {
        frequencies: &["every_paycheck", "monthly", "one_time"],
        ..supported(
            "custom_post_tax",
            "Custom Post-Tax Deduction",
            AMOUNTS,
            &[],
            false,
            false,
        )
    },
];

pub(crate) fn supported_benefit(kind: &str) -> Option<&'static SupportedBenefitInfo> {
    SUPPORTED_BENEFITS
        .iter()
        .find(|benefit| benefit.kind == kind)
}

/// Every `BenefitType` of the spec (the fixture provider supports a subset, see
/// [`SUPPORTED_BENEFITS`]).
pub(crate) const BENEFIT_TYPES: &[&str] = &[
    "457",
    "401k",
    "401k_roth",
    "401k_loan",
    "403b",
    "403b_roth",
    "457_roth",
    "commuter",
    "custom_post_tax",
    "custom_pre_tax",
    "fsa_dependent_care",
    "fsa_medical",
    "hsa_post",
    "hsa_pre",
    "s125_dental",
    "s125_medical",
    "s125_vision",
    "simple",
    "simple_ira",
];

pub(crate) const BENEFIT_FREQUENCIES: &[&str] = &["every_paycheck", "monthly", "one_time"];

/// A benefit plan the company offers (beta `/employer/plans`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlanTemplate {
    pub(crate) name: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) description: &'static str,
    pub(crate) network_type: Option<&'static str>,
    pub(crate) carrier: &'static str,
    pub(crate) coverage_tiers: &'static [&'static str],
    pub(crate) deduction_codes: &'static [&'static str],
    /// Per pay period, in cents, for employee-only coverage: (employee, employer).
    pub(crate) cost: (i64, i64),
}

pub(crate) const COVERAGE_TIERS: &[&str] = &[
    "employee_only",
    "employee_spouse",
    "employee_children",
    "employee_family",
];

/// The plans, in a fixed order that `plans.rs` relies on: two medical plans (PPO, HDHP), dental,
/// vision, life, long-term disability.
pub(crate) const PLANS: &[PlanTemplate] = &[
    PlanTemplate {
        name: "PPO Medical",
        kind: "medical",
        description: "Nationwide PPO medical coverage with a $500 deductible.",
        network_type: Some("ppo"),
        carrier: "Blue Cross Blue Shield",
        coverage_tiers: COVERAGE_TIERS,
        deduction_codes: &["MED-PPO-EE", "MED-PPO-ER"],
        cost: (9_500, 28_500),
    },
    PlanTemplate {
        name: "HDHP Medical with HSA",
        kind: "medical",
        description: "High-deductible health plan, eligible for a Health Savings Account.",
        network_type: Some("hdhp"),
        carrier: "Aetna",
        coverage_tiers: COVERAGE_TIERS,
        deduction_codes: &["MED-HDHP-EE", "MED-HDHP-ER"],
        cost: (4_500, 24_000),
    },
    PlanTemplate {
        name: "Dental PPO",
        kind: "dental",
        description: "Preventive care covered at 100%, basic at 80%, major at 50%.",
        network_type: Some("ppo"),
        carrier: "Delta Dental",
        coverage_tiers: COVERAGE_TIERS,
        deduction_codes: &["DEN-EE", "DEN-ER"],
        cost: (1_200, 2_400),
    },
    PlanTemplate {
        name: "Vision",
        kind: "vision",
        description: "Annual eye exam and a frame allowance of $150.",
        network_type: Some("other"),
        carrier: "VSP",
        coverage_tiers: COVERAGE_TIERS,
        deduction_codes: &["VIS-EE"],
        cost: (400, 0),
    },
    PlanTemplate {
        name: "Basic Life and AD&D",
        kind: "life_insurance",
        description: "Company-paid life insurance of one times annual salary.",
        network_type: None,
        carrier: "MetLife",
        coverage_tiers: &["employee_only"],
        deduction_codes: &["LIFE-ER"],
        cost: (0, 850),
    },
    PlanTemplate {
        name: "Long-Term Disability",
        kind: "long_term_disability",
        description: "60% of monthly earnings after a 90-day elimination period.",
        network_type: None,
        carrier: "The Hartford",
        coverage_tiers: &["employee_only"],
        deduction_codes: &["LTD-ER"],
        cost: (0, 1_100),
    },
];

/// State income tax withheld, in basis points of taxable wages, by state (none where the state
/// has no wage income tax).
pub(crate) const STATE_INCOME_TAX: &[(&str, i64)] = &[
    ("AZ", 250),
    ("CA", 620),
    ("CO", 440),
    ("DC", 650),
    ("GA", 539),
    ("ID", 580),
    ("IL", 495),
    ("MA", 500),
    ("MI", 425),
    ("MN", 680),
    ("NC", 425),
    ("NY", 600),
    ("OH", 300),
    ("OR", 875),
    ("PA", 307),
    ("RI", 375),
    ("UT", 465),
];

/// City wage taxes: (city, tax name, basis points).
pub(crate) const LOCAL_TAX: &[(&str, &str, i64)] = &[
    ("New York", "NYC Resident Tax", 382),
    ("Brooklyn", "NYC Resident Tax", 382),
    ("Philadelphia", "Philadelphia Wage Tax", 375),
    ("Columbus", "Columbus City Tax", 250),
    ("Detroit", "Detroit City Tax", 240),
];
