// Moved: name keys live with every other canonical key in lib/keys (kept for existing imports).
export { foldText, nameKey, personKey, isGenericNameKey } from '../keys/names';
