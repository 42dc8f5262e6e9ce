import { defineSiteContentScript } from '../../content/site-content-script';

export default defineSiteContentScript('zoho');
