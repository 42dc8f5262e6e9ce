import { defineSiteContentScript } from '../../content/site-content-script';
import { AMOCRM_ADAPTER } from '.';

export default defineSiteContentScript(AMOCRM_ADAPTER);
