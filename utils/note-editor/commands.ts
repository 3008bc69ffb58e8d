import { baseKeymap, chainCommands, toggleMark } from 'prosemirror-commands';
import { history, redo, undo } from 'prosemirror-history';
import { InputRule, inputRules, undoInputRule, wrappingInputRule } from 'prosemirror-inputrules';
import { keymap } from 'prosemirror-keymap';
import type { NodeType } from 'prosemirror-model';
import { liftListItem, splitListItem, wrapInList } from 'prosemirror-schema-list';
import type { Command, Plugin } from 'prosemirror-state';
import { findWrapping } from 'prosemirror-transform';
import { schema } from './schema';

// What the Note box's buttons and keys do (README, keyboard table).

export type FormatCommand = 'bold' | 'italic' | 'underline' | 'bullets' | 'numbers';

/** A list of `type` around the selection; off when it is in one already; the other kind switched over. */
export function toggleList(type: NodeType): Command {
  return (state, dispatch) => {
    const { $from, $to } = state.selection;
    const range = $from.blockRange($to, (node) => node.type === schema.nodes.bullet_list || node.type === schema.nodes.ordered_list);
    if (range) {
      const list = range.parent;
      if (list.type === type) return liftListItem(schema.nodes.list_item)(state, dispatch);
      if (dispatch) dispatch(state.tr.setNodeMarkup(range.start - 1, type));
      return true;
    }
    const blockRange = $from.blockRange($to);
    if (!blockRange || !findWrapping(blockRange, type)) return false;
    return wrapInList(type)(state, dispatch);
  };
}

export const commands: Record<FormatCommand, Command> = {
  bold: toggleMark(schema.marks.strong),
  italic: toggleMark(schema.marks.em),
  underline: toggleMark(schema.marks.underline),
  bullets: toggleList(schema.nodes.bullet_list),
  numbers: toggleList(schema.nodes.ordered_list),
};

/** `**text**` typed: the text in bold (the stars go). */
const boldRule = new InputRule(/\*\*([^*\s](?:[^*]*[^*\s])?)\*\*$/, (state, match, start, end) => {
  const text = match[1]!;
  return state.tr.replaceWith(start, end, schema.text(text, [schema.marks.strong.create()]));
});

/** The editor's behaviour: input rules, keys (Mod is Cmd on a Mac, Ctrl elsewhere), undo history. */
export function notePlugins(): Plugin[] {
  const base = { ...baseKeymap };
  delete base['Mod-Enter'];
  const item = schema.nodes.list_item;
  return [
    inputRules({
      rules: [
        wrappingInputRule(/^\s*([-*])\s$/, schema.nodes.bullet_list),
        wrappingInputRule(/^(\d+)\.\s$/, schema.nodes.ordered_list, (match) => ({ start: Number(match[1]) === 1 ? null : Number(match[1]) })),
        boldRule,
      ],
    }),
    keymap({
      'Mod-z': undo,
      'Mod-Shift-z': redo,
      'Mod-y': redo,
      Backspace: undoInputRule,
      'Mod-b': commands.bold,
      'Mod-i': commands.italic,
      'Mod-u': commands.underline,
      'Mod-Shift-8': commands.bullets,
      'Mod-Shift-*': commands.bullets,
      'Mod-Shift-7': commands.numbers,
      'Mod-Shift-&': commands.numbers,
      Enter: chainCommands(splitListItem(item), baseKeymap.Enter!),
    }),
    // Without Mod-Enter (the panel's Save) and Tab (focus moves on, as in any form).
    keymap(base),
    history(),
  ];
}
