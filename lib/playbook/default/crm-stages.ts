import type { Stage } from '../schema';

/**
 * The default stages' names per CRM (`crmStages`, keyed by adapter id): each CRM's own default
 * pipeline stages and lead statuses as its English UI shows them, and Bitrix24's stage and
 * status ids (its default pipeline; other pipelines prefix them with C<n>:). A name not listed
 * is shown as unmapped, with a one-click mapping for a head.
 */
export const DEFAULT_CRM_STAGES: Readonly<Record<string, NonNullable<Stage['crmStages']>>> = {
  lead: {
    bitrix24: ['NEW'],
    hubspot: ['Subscriber', 'Lead', 'Marketing qualified lead'],
    pipedrive: ['Lead In'],
    salesforce: ['Open - Not Contacted', 'Prospecting'],
    zoho: ['Not Contacted', 'Attempted to Contact', 'Contact in Future'],
  },
  qualification: {
    bitrix24: ['IN_PROCESS'],
    hubspot: ['Qualified to buy', 'Sales qualified lead'],
    pipedrive: ['Contact Made'],
    salesforce: ['Qualification', 'Working - Contacted'],
    zoho: ['Qualification', 'Contacted', 'Pre-Qualified'],
  },
  meeting_booked: {
    hubspot: ['Appointment scheduled'],
    pipedrive: ['Demo Scheduled'],
  },
  needs_identified: {
    hubspot: ['Presentation scheduled', 'Opportunity'],
    pipedrive: ['Needs Defined'],
    salesforce: ['Needs Analysis', 'Value Proposition', 'Id. Decision Makers', 'Perception Analysis'],
    zoho: ['Needs Analysis', 'Value Proposition', 'Identify Decision Makers'],
  },
  proposal_sent: {
    bitrix24: ['PREPARATION'],
    hubspot: ['Decision maker bought-in'],
    pipedrive: ['Proposal Made'],
    salesforce: ['Proposal/Price Quote'],
    zoho: ['Proposal/Price Quote'],
  },
  negotiation: {
    bitrix24: ['PREPAYMENT_INVOICE'],
    hubspot: ['Contract sent'],
    pipedrive: ['Negotiations Started'],
    salesforce: ['Negotiation/Review'],
    zoho: ['Negotiation/Review'],
  },
  won: {
    bitrix24: ['WON'],
    hubspot: ['Closed won', 'Customer'],
    salesforce: ['Closed Won'],
    zoho: ['Closed Won'],
  },
  lost: {
    bitrix24: ['LOSE', 'APOLOGY', 'JUNK'],
    hubspot: ['Closed lost'],
    salesforce: ['Closed Lost', 'Closed - Not Converted'],
    zoho: ['Closed Lost', 'Closed-Lost to Competition', 'Lost Lead', 'Junk Lead', 'Not Qualified'],
  },
};
