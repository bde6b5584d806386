// Name pools for realistic, international and deliberately hostile data.
import type { Prng } from '../util/prng.ts';

/** Strings every screen must render as plain text. */
export const HOSTILE = {
  xss: '<img src=x onerror=alert(1)>',
  sql: '"; DROP TABLE keycloak_groups; --',
  rtl: 'فريق البحث العلمي',
  rtlOverride: '\u202Egnp.exe',
  emoji: '🚀 Rocket team',
  long255: 'Wolfeschlegelsteinhausenbergerdorff-'.repeat(8).slice(0, 255),
  long150: 'Very long research collaboration group name for the UI tests '.repeat(3).slice(0, 150),
} as const;

export const FIRST_NAMES = [
  'Alice',
  'Bob',
  'Carmen',
  'Dmitri',
  'Eero',
  'Fatima',
  'Giulia',
  'Hiroshi',
  'Ingrid',
  'Jürgen',
  'Katarzyna',
  'Lars',
  'Małgorzata',
  'Nikolaj',
  'Oksana',
  'Pål',
  'Quentin',
  'Raúl',
  'Siobhán',
  'Tomáš',
  'Ulrike',
  'Vũ',
  'Wojciech',
  'Xiùyīng',
  'Yusuf',
  'Zoë',
  'Åsa',
  'Øystein',
  'Łukasz',
  'Émilie',
  'Björk',
  'Çağla',
  'İlker',
  'Þóra',
  'Ștefan',
  'Ngozi',
  'Aroha',
  'José',
  'Núria',
  'François',
  'Олег',
  'Наталья',
  '李',
  '王芳',
  'Yūko',
  'محمد',
  'Chiamaka',
  'Mihai',
  'Anneliese',
  'Kaja',
];

export const LAST_NAMES = [
  'Andersson',
  'Berg',
  'Castillo',
  'Dubois',
  'Eriksen',
  'Fernández',
  'García',
  'Hämäläinen',
  'Ivanova',
  'Jensen',
  'Kowalczyk',
  'Lindqvist',
  'Müller',
  'Nowak',
  'Olsen',
  'Petrović',
  'Quist',
  'Rossi',
  'Schröder',
  'Tamm',
  'Uusitalo',
  'Virtanen',
  'Wiśniewski',
  'Xu',
  'Yılmaz',
  'Zieliński',
  'Ångström',
  'Østergaard',
  'Żółć',
  'Nguyễn',
  'Ó Súilleabháin',
  'Þórsdóttir',
  'Kerstiņa',
  'Dvořák',
  'Szabó',
  'Kask',
  'Petrov',
  'Смирнов',
  '陳',
  '佐藤',
  'الزهراء',
  'Okafor',
  'Ngata',
  'Ionescu',
  'Mäkinen',
  'Sæther',
  'de la Cruz',
  "O'Brien",
  'van der Berg',
  'Lemaire',
];

const DOMAINS = ['uni-example.org', 'research.example.net', 'lab.example.com', 'hpc.example.eu', 'example.edu'];

/** ASCII-only login made from a name ("Jürgen Müller" -> "jurgen.muller"). */
export function asciiLogin(first: string, last: string, n: number): string {
  const clean = (s: string): string =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[æÆ]/g, 'ae')
      .replace(/[þÞ]/g, 'th')
      .replace(/[ıİ]/g, 'i')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '');
  const a = clean(first) || 'user';
  const b = clean(last) || `n${n}`;
  return `${a}.${b}${n}`;
}

export interface PersonSpec {
  username: string;
  email: string;
  firstName: string;
  lastName: string;
}

/** `count` generated people; about one in eight has no email. */
export function generatePeople(prng: Prng, count: number, prefix = ''): PersonSpec[] {
  const out: PersonSpec[] = [];
  for (let i = 0; i < count; i++) {
    const firstName = prng.pick(FIRST_NAMES);
    const lastName = prng.pick(LAST_NAMES);
    const username = `${prefix}${asciiLogin(firstName, lastName, i + 1)}`;
    const email = prng.chance(0.12) ? '' : `${username.replace(/[^a-z0-9.]/g, '')}@${prng.pick(DOMAINS)}`;
    out.push({ username, email, firstName, lastName });
  }
  return out;
}
