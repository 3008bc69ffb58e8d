import { describe, expect, it } from 'vitest';
import { pastedMarkup } from '../note-html';

// The conversion of pasted HTML to Note-box markup. The sanitiser it runs first does nothing
// under happy-dom; what it drops is tested in Chromium (note-html.browser.test.ts).

describe('pastedMarkup', () => {
  it('paragraphs and headings become lines; bold, italic, lists and links become markup', () => {
    expect(
      pastedMarkup(
        '<h2>Call summary</h2><p>Spoke with <b>Dana</b> and <i>Lee</i>.</p>' +
          '<ul><li>Budget <strong>approved</strong></li><li><em>Legal</em> review</li></ul>' +
          '<ol><li>First</li></ol><p>Deck: <a href="https://x.example/deck">slides</a>, <a href="javascript:alert(1)">bad</a></p>',
      ),
    ).toBe('Call summary\nSpoke with **Dana** and *Lee*.\n• Budget **approved**\n• *Legal* review\n• First\nDeck: [slides](https://x.example/deck), bad');
  });

  it('whitespace as a browser shows it: runs collapse, no blank lines at the ends, at most one between', () => {
    expect(pastedMarkup('\n  <p>  one\n   two  </p>\n\n<p>&nbsp;</p><p></p><p>three</p>  <br>')).toBe('one two\n\nthree');
    expect(pastedMarkup('<div>a<br>b</div><div>c</div>')).toBe('a\nb\nc');
  });

  it('Word: mso styles, <o:p>, conditional comments, list bullets, <meta> and <style> come out clean', () => {
    const word =
      '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta name=Generator content="Microsoft Word 15">' +
      '<style>p.MsoNormal{margin:0cm;font-family:Calibri}</style></head><body lang=EN-GB>' +
      '<!--StartFragment--><p class=MsoNormal>Spoke with <b><span style="font-family:Calibri">Dana</span></b><o:p></o:p></p>' +
      '<p class=MsoListParagraphCxSpFirst style="text-indent:-18.0pt;mso-list:l0 level1 lfo1"><!--[if !supportLists]-->' +
      '<span style="font-family:Symbol;mso-list:Ignore">·<span style="font:7.0pt">&nbsp;&nbsp; </span></span><!--[endif]-->Budget<o:p></o:p></p>' +
      '<p class=MsoNormal><span style="font-style:italic">Next</span>: contract<o:p>&nbsp;</o:p></p><!--EndFragment--></body></html>';
    expect(pastedMarkup(word)).toBe('Spoke with **Dana**\n• Budget\n*Next*: contract');
  });

  it('Google Docs: the outer <b style="font-weight:normal"> is not bold; bold and italic come as styles', () => {
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234"><p dir="ltr"><span style="font-weight:400;">Spoke with </span>' +
      '<span style="font-weight:700;">Dana</span><span style="font-weight:400;font-style:italic;"> today</span></p>' +
      '<ul><li dir="ltr"><p dir="ltr"><span style="font-weight:400;">Budget</span></p></li></ul></b>';
    expect(pastedMarkup(docs)).toBe('Spoke with **Dana** *today*\n• Budget');
  });

  it('text that looks like markup is escaped, so it pastes as the same text', () => {
    // A line that needs escaping has all its markers escaped; other lines stay as they are.
    expect(pastedMarkup('<p>a*b*c and 5 * 3</p><p>- not a list</p><p>5 * 3</p>')).toBe('a\\*b\\*c and 5 \\* 3\n\\- not a list\n5 * 3');
  });

  it('tables: a line per row, cells apart', () => {
    expect(pastedMarkup('<table><tr><td>Name</td><td>Dana</td></tr><tr><td>Plan</td><td><b>Pro</b></td></tr></table>')).toBe('Name Dana\nPlan **Pro**');
  });
});
