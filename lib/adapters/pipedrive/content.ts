import { defineSiteContentScript } from '../../content/site-content-script';
import { PIPEDRIVE_ADAPTER } from '.';

export default defineSiteContentScript(PIPEDRIVE_ADAPTER);
