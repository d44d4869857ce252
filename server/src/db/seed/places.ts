/** The five départements of Hauts-de-France and the communes the demo uses, with their coordinates. */
export const hautsDeFranceTerritories = [
  { code: '02', name: 'Aisne', region: 'Hauts-de-France' },
  { code: '59', name: 'Nord', region: 'Hauts-de-France' },
  { code: '60', name: 'Oise', region: 'Hauts-de-France' },
  { code: '62', name: 'Pas-de-Calais', region: 'Hauts-de-France' },
  { code: '80', name: 'Somme', region: 'Hauts-de-France' },
];

export const hautsDeFranceCommunes = [
  { inseeCode: '59350', name: 'Lille', postcode: '59000', territoryCode: '59', latitude: 50.6292, longitude: 3.0573 },
  { inseeCode: '59512', name: 'Roubaix', postcode: '59100', territoryCode: '59', latitude: 50.6942, longitude: 3.1746 },
  { inseeCode: '59599', name: 'Tourcoing', postcode: '59200', territoryCode: '59', latitude: 50.7239, longitude: 3.1612 },
  { inseeCode: '59009', name: "Villeneuve-d'Ascq", postcode: '59650', territoryCode: '59', latitude: 50.6233, longitude: 3.145 },
  { inseeCode: '59183', name: 'Dunkerque', postcode: '59140', territoryCode: '59', latitude: 51.0343, longitude: 2.3768 },
  { inseeCode: '59606', name: 'Valenciennes', postcode: '59300', territoryCode: '59', latitude: 50.357, longitude: 3.5235 },
  { inseeCode: '59178', name: 'Douai', postcode: '59500', territoryCode: '59', latitude: 50.3714, longitude: 3.08 },
  { inseeCode: '59392', name: 'Maubeuge', postcode: '59600', territoryCode: '59', latitude: 50.2775, longitude: 3.9734 },
  { inseeCode: '62498', name: 'Lens', postcode: '62300', territoryCode: '62', latitude: 50.4328, longitude: 2.8333 },
  { inseeCode: '62041', name: 'Arras', postcode: '62000', territoryCode: '62', latitude: 50.291, longitude: 2.7775 },
  { inseeCode: '62119', name: 'Béthune', postcode: '62400', territoryCode: '62', latitude: 50.5303, longitude: 2.6408 },
  { inseeCode: '62160', name: 'Boulogne-sur-Mer', postcode: '62200', territoryCode: '62', latitude: 50.7264, longitude: 1.6147 },
  { inseeCode: '62193', name: 'Calais', postcode: '62100', territoryCode: '62', latitude: 50.9513, longitude: 1.8587 },
  { inseeCode: '80021', name: 'Amiens', postcode: '80000', territoryCode: '80', latitude: 49.8942, longitude: 2.2958 },
  { inseeCode: '80001', name: 'Abbeville', postcode: '80100', territoryCode: '80', latitude: 50.1054, longitude: 1.835 },
  { inseeCode: '02691', name: 'Saint-Quentin', postcode: '02100', territoryCode: '02', latitude: 49.8465, longitude: 3.2876 },
  { inseeCode: '02408', name: 'Laon', postcode: '02000', territoryCode: '02', latitude: 49.5641, longitude: 3.6199 },
  { inseeCode: '02722', name: 'Soissons', postcode: '02200', territoryCode: '02', latitude: 49.3817, longitude: 3.3236 },
  { inseeCode: '60057', name: 'Beauvais', postcode: '60000', territoryCode: '60', latitude: 49.4295, longitude: 2.0807 },
  { inseeCode: '60159', name: 'Compiègne', postcode: '60200', territoryCode: '60', latitude: 49.4179, longitude: 2.8261 },
  { inseeCode: '60175', name: 'Creil', postcode: '60100', territoryCode: '60', latitude: 49.2597, longitude: 2.4749 },
];
