import { defineSiteContentMain } from '../../content/site-content-main';
import { HUBSPOT_ADAPTER } from '.';

export default defineSiteContentMain(HUBSPOT_ADAPTER);
