// Class/id/role name hints, shared by visibility (legit hidden UI) and main-content scoring.
import { isSpace } from '../util/chars.js';
import { SubstringSets } from '../util/substrings.js';

/** Substrings of class/id names that mark legit UI that is often hidden (menus, tabs, banners, sr-only). */
export const UI_SUBSTRINGS = [
  'menu', 'dropdown', 'drop-down', 'carousel', 'swiper', 'slick', 'slide', 'modal', 'popup', 'pop-up', 'lightbox', 'cookie', 'consent', 'gdpr', 'sr-only',
  'screen-reader', 'screenreader', 'visually-hidden', 'visuallyhidden', 'element-invisible', 'tooltip', 'accordion', 'offcanvas', 'off-canvas', 'hamburger',
  'flyout', 'megamenu', 'toolbar', 'wm-ipp', 'overlay', 'subnav', 'navbar', 'navigation', 'sitenav', 'topnav', 'mainnav',
];
/** Whole tokens (split at - _ space) that mark UI. */
export const UI_TOKENS = new Set(['nav', 'tab', 'tabs', 'tabpanel', 'panel', 'search', 'searchform', 'share', 'sharing', 'social', 'mobile', 'dialog', 'login', 'signin', 'newsletter', 'subscribe', 'collapse', 'collapsed', 'hide', 'hidden', 'invisible', 'js', 'noscript', 'skip', 'drawer', 'sidebar', 'gallery', 'lang', 'language', 'notice', 'alert', 'banner', 'dd', 'sub', 'more', 'toggle', 'header', 'weixin', 'wechat', 'qr', 'qrcode']);
const UI_ROLES = new Set(['navigation', 'menu', 'menubar', 'menuitem', 'dialog', 'alertdialog', 'tabpanel', 'tablist', 'tab', 'search', 'tooltip', 'banner', 'listbox']);
export const UI_TAGS = new Set(['nav', 'menu', 'dialog', 'select', 'option', 'form', 'button', 'header']);

/** Readability-style class weights: substrings that are positive for article containers, negative for chrome. */
export const POSITIVE_SUBSTRINGS = [
  'article', 'body', 'content', 'entry', 'hentry', 'h-entry', 'main', 'page', 'pagination', 'post', 'text', 'blog', 'story', '正文', '内容', 'zw', 'artibody',
  'art_', 'news_txt', 'newstext', 'detail', 'endtext', 'cont',
];
export const NEGATIVE_SUBSTRINGS = [
  '-ad-', 'hidden', 'banner', 'combx', 'comment', 'com-', 'contact', 'foot', 'footer', 'footnote', 'gdpr', 'masthead', 'media', 'meta', 'outbrain', 'promo',
  'related', 'remark', 'scroll', 'share', 'shoutbox', 'sidebar', 'skyscraper', 'sponsor', 'shopping', 'tags', 'tool', 'widget', 'recommend', 'hot', 'rank',
  'nav', 'menu', 'breadcrumb', 'crumb', 'copyright', 'login', 'subscribe', 'newsletter', 'popular', 'author-bio', 'byline', 'social', 'advert', 'caption',
  'disclaimer', 'ad_', '_ad', 'adsbygoogle', '推荐', '相关', '热点', '评论', 'teaser',
];
/** Negative too: "hid" as a word between spaces (or the ends). */
export const NEGATIVE_HID = /^hid$| hid$| hid |^hid /;
/** Substrings of names that make an element unlikely to hold the article even though its text is long... */
export const UNLIKELY_SUBSTRINGS = [
  'comment', 'disqus', 'foot', 'footer', 'related', 'recommend', 'sidebar', 'share', 'social', 'sponsor', 'advert', 'popular', 'newsletter', 'subscribe',
  'breadcrumb', 'crumb', 'copyright', 'rank', 'hotnews', 'hot-news', 'read-more', 'readmore', 'more-stories', 'most-', 'trending', 'promo', 'outbrain',
  'taboola', 'correction', 'tags', 'tagcloud', 'author-bio', 'about-author', 'pager', 'pagination', 'menu', 'nav', 'consent', 'gdpr', 'modal', '评论', '相关', '推荐',
];
/** ...unless the names hold one of these. */
export const LIKELY_SUBSTRINGS = [
  'article', 'body', 'content', 'entry', 'main', 'post', 'story', 'text', '正文', 'artibody', 'detail', 'endtext', 'zw', 'news_txt', 'newstext', 'column',
];
/**
 * Article furniture inside an article container: captions, credits, galleries, bylines, share bars, related
 * links, newsletter boxes. Not overridden by positive names ("article-byline" is still a byline).
 */
export const JUNK_SUBSTRINGS = [
  'caption', 'credit', 'gallery', 'slideshow', 'carousel', 'byline', 'dateline', 'timestamp', 'share', 'sharing', 'social', 'newsletter', 'signup',
  'sign-up', 'subscribe', 'promo', 'related', 'recommend', 'toolbar', 'breadcrumb', 'author-info', 'author-bio', 'advert', 'sponsor', 'outbrain', 'taboola',
  'comment', 'pagination', 'pager', 'read-more', 'readmore', 'more-stories', 'sidebar', 'adslot', 'ad-slot', 'ad-container', 'adunit', 'ad-unit', 'dfp',
  'disclaimer', 'copyright', 'footnote-ref', 'video-player', 'embed-', 'instagram-media', 'modal', 'popup', 'collapse', 'overlay', 'lightbox',
];
/** Junk as whole tokens (split at - _ space). */
export const JUNK_TOKENS = new Set(['tag', 'tags', 'ad', 'ads']);
/** Junk as whole words (split at spaces only: "d-none" is one). */
export const JUNK_WORDS = /(^|\s)(hide|hidden|d-none|is-hidden|invisible|control-hide|hidden-content|js-hidden)(\s|$)/;
/** Substrings every NEGATIVE_HID or JUNK_WORDS match holds: the two regexes run only on names with one. */
const WORD_CANDIDATES = ['hid', 'd-none', 'invisible'];

/** A WordPress post's own class (post_class() gives every post container "post-<id>"). */
const WP_POST_CLASS = /(?:^|\s)post-\d+(?:\s|$)/;
/** The term classes post_class() adds for each of the post's categories and tags: "category-<slug>", "tag-<slug>". */
const WP_TERM_CLASS = /(?:^|\s)(?:category|tag)-\S+/g;

/**
 * A layout that has a sidebar, named for it: "has-sidebar", "no-sidebar", "c-fixed-sidebar-layout--140--left@lg" say
 * how the element is laid out, not that it is the sidebar ("layout-sidebar", "sidebar-left" still are).
 */
const SIDEBAR_LAYOUT = /\b(?:has|with|without|no)-sidebar\b|sidebar-(?:layout|wrapper|container|wrap)\S*/g;

/**
 * The names that speak of an element's role: a WordPress post container's category and tag classes name the post's
 * topics, not the element ("category-no-newsletter-rss" is no newsletter box, "tag-social-media" no share bar), and
 * are left out.
 */
export function roleNames(names: string): string {
  let out = names;
  if (out.includes('sidebar')) out = out.replace(SIDEBAR_LAYOUT, ' ');
  if (out.includes('post-') && WP_POST_CLASS.test(out)) out = out.replace(WP_TERM_CLASS, '');
  return out === names ? names : out.replace(/\s+/g, ' ').trim();
}

/** What a class/id string says of its element (nameFlags). */
export const NAME_UI = 1;
export const NAME_POSITIVE = 2;
export const NAME_NEGATIVE = 4;
export const NAME_UNLIKELY = 8;
export const NAME_LIKELY = 16;
export const NAME_JUNK = 32;
const WORD_CANDIDATE = 64;

/** The chars class/id names are split at into tokens (names.split(/[-_\s]+/)): - _ and white space. */
const isTokenSeparator = (c: number): boolean => c === 0x2d || c === 0x5f || isSpace(c);

/** The lists' substrings, and UI_TOKENS and JUNK_TOKENS as whole tokens, each under its NAME_* bit. */
const NAME_SUBSTRINGS = new SubstringSets(
  [UI_SUBSTRINGS, POSITIVE_SUBSTRINGS, NEGATIVE_SUBSTRINGS, UNLIKELY_SUBSTRINGS, LIKELY_SUBSTRINGS, JUNK_SUBSTRINGS, WORD_CANDIDATES],
  [UI_TOKENS, [], [], [], [], JUNK_TOKENS],
  isTokenSeparator,
);

/**
 * The NAME_* flags of a lower-cased class/id string: the lists' substrings and tokens in one automaton pass, and the
 * word regexes only for names that could match.
 */
export function nameFlags(names: string): number {
  let flags = NAME_SUBSTRINGS.scan(names);
  if (flags & WORD_CANDIDATE) {
    if (NEGATIVE_HID.test(names)) flags |= NAME_NEGATIVE;
    if (JUNK_WORDS.test(names)) flags |= NAME_JUNK;
  }
  return flags & ~WORD_CANDIDATE;
}

/** A role attribute that marks legit UI (any case). */
export function isUiRole(role: string | undefined): boolean {
  return !!role && UI_ROLES.has(role.toLowerCase());
}

export function isUiName(tag: string, names: string, role: string | undefined): boolean {
  if (UI_TAGS.has(tag) || isUiRole(role)) return true;
  return names !== '' && (nameFlags(names) & NAME_UI) !== 0;
}
