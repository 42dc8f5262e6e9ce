import { defineSiteContentMain } from '../../content/site-content-main';
import { SALESFORCE_ADAPTER } from '.';

export default defineSiteContentMain(SALESFORCE_ADAPTER);
