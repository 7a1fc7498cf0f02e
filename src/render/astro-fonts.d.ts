// The module Astro's own <Font> component reads its CSS from (astro/components/Font.astro); StoryLayout
// reads the serif stack from it. Astro ships no type for it.
declare module 'virtual:astro:assets/fonts/internal' {
	export const componentDataByCssVariable: Map<string, { readonly css: string }>;
}
