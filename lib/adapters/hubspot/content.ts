import { defineSiteContentScript } from '../../content/site-content-script';
import { HUBSPOT_ADAPTER } from '.';

export default defineSiteContentScript(HUBSPOT_ADAPTER);
