// Class/id/role name hints, shared by visibility (legit hidden UI) and main-content scoring.
import { isSpace } from '../util/chars.js';
import { SliceMap } from '../util/slice-map.js';

/** Substrings of class/id names that mark legit UI that is often hidden (menus, tabs, banners, sr-only). */
export const UI_SUBSTR = /menu|dropdown|drop-down|carousel|swiper|slick|slide|modal|popup|pop-up|lightbox|cookie|consent|gdpr|sr-only|screen-reader|screenreader|visually-hidden|visuallyhidden|element-invisible|tooltip|accordion|offcanvas|off-canvas|hamburger|flyout|megamenu|toolbar|wm-ipp|overlay|subnav|navbar|navigation|sitenav|topnav|mainnav/;
/** Whole tokens (split at - _ space) that mark UI. */
export const UI_TOKENS = new Set(['nav', 'tab', 'tabs', 'tabpanel', 'panel', 'search', 'searchform', 'share', 'sharing', 'social', 'mobile', 'dialog', 'login', 'signin', 'newsletter', 'subscribe', 'collapse', 'collapsed', 'hide', 'hidden', 'invisible', 'js', 'noscript', 'skip', 'drawer', 'sidebar', 'gallery', 'lang', 'language', 'notice', 'alert', 'banner', 'dd', 'sub', 'more', 'toggle', 'header', 'weixin', 'wechat', 'qr', 'qrcode']);
const UI_ROLES = new Set(['navigation', 'menu', 'menubar', 'menuitem', 'dialog', 'alertdialog', 'tabpanel', 'tablist', 'tab', 'search', 'tooltip', 'banner', 'listbox']);
const UI_TAGS = new Set(['nav', 'menu', 'dialog', 'select', 'option', 'form', 'button', 'header']);

export function isUiName(tag: string, names: string, role: string | undefined): boolean {
  if (UI_TAGS.has(tag)) return true;
  if (role && UI_ROLES.has(role.toLowerCase())) return true;
  if (!names) return false;
  if (UI_SUBSTR.test(names)) return true;
  // the tokens of names.split(/[-_\s]+/), looked up without cutting them out
  let from = 0;
  for (let i = 0; i <= names.length; i++) {
    const c = i < names.length ? names.charCodeAt(i) : 0x20;
    if (c !== 0x2d && c !== 0x5f && !isSpace(c)) continue;
    if (i > from && UI_TOKEN_AT.get(names, from, i)) return true;
    from = i + 1;
  }
  return false;
}

/** UI_TOKENS read straight from a class/id string. */
const UI_TOKEN_AT = new SliceMap([...UI_TOKENS].map((t) => [t, true] as const));

/** Readability-style class weights: positive for article containers, negative for chrome. */
export const POSITIVE_NAMES = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|正文|内容|zw|artibody|art_|news_txt|newstext|detail|endtext|cont/;
export const NEGATIVE_NAMES = /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|remark|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend|hot|rank|nav|menu|breadcrumb|crumb|copyright|login|subscribe|newsletter|popular|author-bio|byline|social|advert|caption|disclaimer|ad_|_ad|adsbygoogle|推荐|相关|热点|评论/;
/** Names that make an element unlikely to hold the article even though its text is long. */
export const UNLIKELY_NAMES = /comment|disqus|foot|footer|related|recommend|sidebar|share|social|sponsor|advert|popular|newsletter|subscribe|breadcrumb|crumb|copyright|rank|hotnews|hot-news|read-more|readmore|more-stories|most-|trending|promo|outbrain|taboola|correction|tags|tagcloud|author-bio|about-author|related|pager|pagination|menu|nav|评论|相关|推荐/;
export const LIKELY_NAMES = /article|body|content|entry|main|post|story|text|正文|artibody|detail|endtext|zw|news_txt|newstext|column/;
/**
 * Article furniture inside an article container: captions, credits, galleries, bylines, share bars, related
 * links, newsletter boxes. Not overridden by positive names ("article-byline" is still a byline).
 */
export const JUNK_NAMES = /caption|credit|gallery|slideshow|carousel|byline|dateline|timestamp|share|sharing|social|newsletter|signup|sign-up|subscribe|promo|related|recommend|toolbar|breadcrumb|(^|[-_\s])tags?([-_\s]|$)|author-info|author-bio|advert|sponsor|outbrain|taboola|comment|pagination|pager|read-more|readmore|more-stories|sidebar|(^|[-_\s])ad([-_\s]|$)|(^|[-_\s])ads([-_\s]|$)|adslot|ad-slot|ad-container|adunit|ad-unit|dfp|disclaimer|copyright|footnote-ref|video-player|embed-|instagram-media|twitter-tweet|modal|popup|collapse|overlay|lightbox|(^|\s)(hide|hidden|d-none|is-hidden|invisible|control-hide|hidden-content|js-hidden)(\s|$)/;
