// One key per authority however it is printed: "Westmere", "WESTMERE ", "Westmere City Council".
// Reports say "<LA> local authority children's services"; sidecars may hold a hand-typed name.

export function authorityKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/\b(city|county|borough|metropolitan|district)?\s*council\b/g, ' ')
    .replace(/^(the|royal borough of|london borough of)\s+/g, '')
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .trim();
}
