// sastrawijs ships its types, but its package.json "exports" hides them from NodeNext resolution.
declare module "sastrawijs" {
  /** Sastrawi's Indonesian stemmer. */
  export class Stemmer {
    stem(word: string): string;
  }
}
