// The 26 interface languages, as src/i18n/languages.ts lists them (a test keeps the two equal).
export const LANGUAGES = 'bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv is nb'.split(' ');
