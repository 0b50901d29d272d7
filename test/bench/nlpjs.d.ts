// NLP.js ships no type declarations; the benchmark uses a small part of it.
declare module "@nlpjs/core";
declare module "@nlpjs/nlp";
declare module "@nlpjs/lang-id";
