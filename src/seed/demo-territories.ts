/**
 * The territories of Nord-Pas-de-Calais used by the demo data, with French forms for names
 * ("Coopérative maraîchère du Ternois", "Commune de Saint-Omer").
 */
export interface Territory {
  name: string;
  /** "du Ternois", "de l'Audomarois", "de la Métropole lilloise"... */
  of: string;
  places: string[];
}

export const TERRITORIES: Territory[] = [
  {
    name: 'Audomarois',
    of: "de l'Audomarois",
    places: ['Saint-Omer', 'Arques', 'Longuenesse', 'Clairmarais', 'Blendecques', 'Tilques', 'Serques', 'Éperlecques', 'Watten', 'Houlle', 'Aire-sur-la-Lys', 'Lumbres', 'Thérouanne'],
  },
  {
    name: 'Bassin minier',
    of: 'du Bassin minier',
    places: ['Lens', 'Liévin', 'Loos-en-Gohelle', 'Avion', 'Hénin-Beaumont', 'Béthune', 'Bruay-la-Buissière', 'Harnes', 'Sallaumines', 'Grenay', 'Oignies', 'Wingles', 'Carvin', 'Noeux-les-Mines'],
  },
  {
    name: 'Métropole lilloise',
    of: 'de la Métropole lilloise',
    places: ['Lille', 'Roubaix', 'Tourcoing', "Villeneuve-d'Ascq", 'Lomme', 'Wattrelos', 'Marcq-en-Barœul', 'Seclin', 'Armentières', 'Lambersart', 'Hellemmes', 'Loos'],
  },
  {
    name: 'Littoral',
    of: 'du Littoral',
    places: ['Dunkerque', 'Calais', 'Gravelines', 'Grande-Synthe', 'Coudekerque-Branche', 'Bourbourg', 'Marck', 'Oye-Plage', 'Loon-Plage', 'Guînes'],
  },
  {
    name: 'Avesnois',
    of: "de l'Avesnois",
    places: ['Avesnes-sur-Helpe', 'Fourmies', 'Maubeuge', 'Trélon', 'Le Quesnoy', 'Landrecies', 'Maroilles', 'Sains-du-Nord', 'Hautmont', 'Glageon'],
  },
  {
    name: 'Artois',
    of: "de l'Artois",
    places: ['Arras', 'Bapaume', 'Achicourt', 'Saint-Laurent-Blangy', 'Beaurains', 'Avesnes-le-Comte', 'Dainville', 'Tilloy-lès-Mofflaines'],
  },
  {
    name: 'Cambrésis',
    of: 'du Cambrésis',
    places: ['Cambrai', 'Caudry', 'Le Cateau-Cambrésis', 'Solesmes', 'Marcoing', 'Iwuy', 'Gouzeaucourt'],
  },
  {
    name: 'Ternois',
    of: 'du Ternois',
    places: ['Saint-Pol-sur-Ternoise', 'Frévent', 'Auxi-le-Château', 'Heuchin', 'Pernes', 'Anvin', 'Bours'],
  },
  {
    name: 'Boulonnais',
    of: 'du Boulonnais',
    places: ['Boulogne-sur-Mer', 'Desvres', 'Wimereux', 'Samer', 'Le Portel', 'Outreau', 'Marquise', 'Hardelot'],
  },
  {
    name: 'Flandre intérieure',
    of: 'de la Flandre intérieure',
    places: ['Hazebrouck', 'Bailleul', 'Cassel', 'Steenvoorde', 'Merville', 'Wormhout', 'Estaires', 'Godewaersvelde'],
  },
  {
    name: 'Valenciennois',
    of: 'du Valenciennois',
    places: ['Valenciennes', 'Denain', 'Anzin', 'Raismes', 'Saint-Amand-les-Eaux', "Condé-sur-l'Escaut", 'Onnaing', 'Trith-Saint-Léger'],
  },
  {
    name: 'Douaisis',
    of: 'du Douaisis',
    places: ['Douai', 'Sin-le-Noble', 'Waziers', 'Guesnain', 'Flers-en-Escrebieux', 'Arleux', 'Lallaing'],
  },
  {
    name: 'Montreuillois',
    of: 'du Montreuillois',
    places: ['Montreuil-sur-Mer', 'Berck', 'Étaples', 'Hesdin', 'Fruges', 'Le Touquet-Paris-Plage'],
  },
  {
    name: 'Sambre',
    of: 'de la Sambre',
    places: ['Jeumont', 'Aulnoye-Aymeries', 'Feignies', 'Louvroil', 'Recquignies'],
  },
];

export function territoryNamed(name: string): Territory {
  const territory = TERRITORIES.find((t) => t.name === name);
  if (!territory) throw new Error(`unknown territory ${name}`);
  return territory;
}

/** "de Saint-Omer", "d'Arques", "du Cateau-Cambrésis", "du Portel". */
export function ofPlace(place: string): string {
  if (place.startsWith('Le ')) return `du ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `des ${place.slice(4)}`;
  if (/^[AEIOUYÉÈÊÂÎÔH]/.test(place)) return `d'${place}`;
  return `de ${place}`;
}

/** "à Saint-Omer", "au Cateau-Cambrésis". */
export function atPlace(place: string): string {
  if (place.startsWith('Le ')) return `au ${place.slice(3)}`;
  if (place.startsWith('Les ')) return `aux ${place.slice(4)}`;
  return `à ${place}`;
}

/** Where the universities and schools named in the demo data are. */
export function territoryOfInstitution(name: string): string | null {
  if (name.includes('Université de Lille') || name.includes('de Lille')) return 'Métropole lilloise';
  if (name.includes("Université d'Artois")) return 'Artois';
  if (name.includes('Université du Littoral')) return 'Littoral';
  if (name.includes('Université de Valenciennes')) return 'Valenciennois';
  if (name.includes('Douai')) return 'Douaisis';
  return null;
}
