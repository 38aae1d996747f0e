// Bonus and snabbhetspremie (2023 §9.2; 2024 §9, §10).
export * from './belopp';
export * from './bonusgrundande';
export * from './claim';
export * from './snabbhetspremie';
