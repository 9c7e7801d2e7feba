// The spam site's own name: a header logo whose name carries no spam word is still the spam site's name when the
// slogan beside it sells (the slogan's evidence is the name's), and the slogan beside a spam name is the spam site's
// slogan (the name's evidence is the slogan's); a real site's logo and slogan stay.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

const article = `<h1>City council approves new budget for parks</h1>
<p>The city council on Monday approved a budget that adds two new parks in the northern districts, officials said.</p>
<p>The plan, debated for three months, also funds repairs to playgrounds and benches across the city, according to the mayor's office.</p>
<p>Residents will be able to comment on the designs at public meetings in the spring, the council said in a statement.</p>`;

const page = (logo: string, slogan: string, footer: string) => `<html><head><title>City council approves new budget for parks</title>
<meta property="og:site_name" content="Northern Daily"></head><body>
<div class="site-header"><div class="logo"><a href="/">${logo}</a></div><div class="slogan">${slogan}</div><ul class="nav"><li><a href="/">Home</a></li></ul></div>
<article>${article}</article>
<div class="site-footer">${footer}</div></body></html>`;

describe('site branding', () => {
  it('cuts a spam slogan, the logo name beside it and the footer line naming it; the article stays whole', () => {
    const r = analyze(page('PillDirect', 'Buy cialis online no prescription', 'Powered by PillDirect'));
    const cut = r.findings.map((f) => f.text);
    expect(cut).toContain('PillDirect');
    expect(cut).toContain('Buy cialis online no prescription');
    expect(cut).toContain('Powered by PillDirect');
    const logo = r.findings.find((f) => f.text === 'PillDirect')!;
    expect(logo.kind).toBe('site-branding');
    expect(logo.rules.some((h) => h.evidence.includes('the slogan beside the logo'))).toBe(true);
    expect(r.cleanText).toContain('adds two new parks in the northern districts');
    expect(r.cleanText).not.toContain('PillDirect');
  });

  it("cuts the slogan beside a spam site's name, though the slogan alone sells nothing", () => {
    const slogan = 'Stories and reviews for every day';
    const r = analyze(page('Slot Gacor Casino', slogan, 'Powered by Slot Gacor Casino'));
    const cut = r.findings.map((f) => f.text);
    expect(cut).toContain('Slot Gacor Casino');
    expect(cut).toContain(slogan);
    const s = r.findings.find((f) => f.text === slogan)!;
    expect(s.kind).toBe('site-branding');
    expect(s.rules.some((h) => h.evidence.includes("the spam site's name beside the slogan"))).toBe(true);
    expect(r.cleanText).toContain('adds two new parks in the northern districts');
  });

  it("cuts a plain brand name beside a slogan just strong enough: the classifier's low p on the name is no vote for it", () => {
    // "Bright Finance" has no spam words; its slogan has one search-bait loan phrase. The name borrows the slogan's
    // evidence, and the classifier, asked about two plain words, finds none of its own, which it was never going to.
    const r = analyze(page('Bright Finance', 'Trusted title loans online reviews', 'Powered by Bright Finance'));
    const cut = r.findings.map((f) => f.text);
    expect(cut).toEqual(expect.arrayContaining(['Bright Finance', 'Trusted title loans online reviews', 'Powered by Bright Finance']));
    const logo = r.findings.find((f) => f.text === 'Bright Finance')!;
    expect(logo.rules.filter((h) => h.rule === 'CLASSIFIER' && h.points < 0)).toEqual([]);
    expect(r.cleanText).toContain('adds two new parks in the northern districts');
  });

  it('cuts a slogan naming a drug the article never mentions, with the logo beside it (SITE_OFF_TOPIC)', () => {
    // "tramadol" alone is a weak word (health and crime news use it); as the slogan of a site whose story is about parks
    // it names the spam site's subject
    const r = analyze(page('QuickCare Outlet', 'Tramadol tablets news and offers', 'Powered by QuickCare Outlet'));
    const cut = r.findings.map((f) => f.text);
    expect(cut).toEqual(expect.arrayContaining(['QuickCare Outlet', 'Tramadol tablets news and offers', 'Powered by QuickCare Outlet']));
    const slogan = r.findings.find((f) => f.text === 'Tramadol tablets news and offers')!;
    expect(slogan.kind).toBe('site-branding');
    expect(slogan.rules.map((h) => h.rule)).toContain('SITE_OFF_TOPIC');
    expect(r.cleanText).toContain('adds two new parks in the northern districts');
  });

  it('leaves the same slogan alone over a story that reports on the drug: the site is about its subject', () => {
    const story = `<h1>Tramadol prescriptions fall for a third year</h1>
<p>Doctors wrote fewer prescriptions for tramadol last year than in any year since 2010, the health ministry said on Monday.</p>
<p>The painkiller was reclassified in 2014 after a rise in overdoses, and pharmacists now log every sale, officials said.</p>
<p>Patient groups welcomed the figures but warned that some people turn to other drugs, according to the report.</p>`;
    const html = page('QuickCare Outlet', 'Tramadol tablets news and offers', 'Powered by QuickCare Outlet').replace(article, story);
    expect(analyze(html).findings.map((f) => f.text)).toEqual([]);
  });

  it("leaves a real site's logo, slogan and footer alone", () => {
    const r = analyze(page('Northern Daily', 'News for the northern districts since 1901', 'Powered by Northern Daily'));
    expect(r.findings.map((f) => f.text)).toEqual([]);
  });
});
