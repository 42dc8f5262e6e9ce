import { defineSiteContentMain } from '../../content/site-content-main';
import { ZOHO_ADAPTER } from '.';

export default defineSiteContentMain(ZOHO_ADAPTER);
