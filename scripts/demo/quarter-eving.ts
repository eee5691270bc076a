/** Eving (with Kemminghausen) north of the city centre, around the Evinger Platz: outline, streets, gaps, density. */
import type { DemoQuarter } from './quarters.ts';

export const EVING: DemoQuarter = {
  id: 'eving',
  name: 'Eving',
  postcode: '44339',
  // Counter-clockwise from the south-west corner by the Evinger Straße; Kemminghausen in the north-east.
  outline: [
    [7.4565, 51.5458],
    [7.4592, 51.5436],
    [7.464, 51.5432],
    [7.469, 51.544],
    [7.4725, 51.541],
    [7.4762, 51.5406],
    [7.481, 51.5425],
    [7.4843, 51.5445],
    [7.4885, 51.5484],
    [7.4935, 51.5507],
    [7.496, 51.553],
    [7.4965, 51.5595],
    [7.4945, 51.5607],
    [7.4942, 51.5628],
    [7.488, 51.5655],
    [7.48, 51.5642],
    [7.472, 51.5662],
    [7.4648, 51.5668],
    [7.462, 51.5622],
    [7.456, 51.5578],
    [7.4552, 51.553],
    [7.4555, 51.548],
  ],
  streets: [
    {
      name: 'Evinger Straße',
      path: [
        [7.4608, 51.5444],
        [7.4635, 51.5506],
        [7.4652, 51.554],
        [7.465, 51.5564],
        [7.4653, 51.561],
      ],
      numbers: [111, 375],
      main: true,
    },
    {
      name: 'Deutsche Straße',
      path: [
        [7.4628, 51.5475],
        [7.4669, 51.5498],
        [7.4697, 51.5527],
        [7.4724, 51.5545],
      ],
      numbers: [4, 138],
      main: true,
    },
    {
      name: 'Bayrische Straße',
      path: [
        [7.4698, 51.5554],
        [7.478, 51.5545],
        [7.486, 51.5524],
        [7.491, 51.55],
      ],
      numbers: [38, 229],
      main: true,
    },
    {
      name: 'Bergstraße',
      path: [
        [7.4617, 51.549],
        [7.4596, 51.5491],
        [7.4576, 51.5504],
      ],
      numbers: [1, 41],
      main: true,
    },
    {
      name: 'Evinger Platz',
      path: [
        [7.4632, 51.5488],
        [7.4644, 51.5494],
      ],
      numbers: [1, 17],
      main: true,
    },
    {
      name: 'Preußische Straße',
      path: [
        [7.4711, 51.5509],
        [7.4804, 51.5511],
        [7.4901, 51.5532],
        [7.4943, 51.5529],
      ],
      numbers: [6, 225],
      main: false,
    },
    {
      name: 'Osterfeldstraße',
      path: [
        [7.4757, 51.5414],
        [7.4746, 51.5436],
        [7.4731, 51.5488],
        [7.4742, 51.5543],
      ],
      numbers: [2, 164],
      main: false,
    },
    {
      name: 'Kemminghauser Straße',
      path: [
        [7.4651, 51.5583],
        [7.4745, 51.5588],
        [7.4875, 51.5596],
        [7.494, 51.5604],
      ],
      numbers: [1, 265],
      main: false,
    },
    {
      name: 'Derner Straße',
      path: [
        [7.4772, 51.5414],
        [7.4788, 51.543],
        [7.4842, 51.5454],
        [7.4926, 51.551],
      ],
      numbers: [3, 210],
      main: false,
    },
    {
      name: 'Hessische Straße',
      path: [
        [7.4692, 51.5498],
        [7.4807, 51.55],
        [7.4877, 51.5515],
      ],
      numbers: [1, 201],
      main: false,
    },
    {
      name: 'Württemberger Straße',
      path: [
        [7.469, 51.5523],
        [7.4697, 51.5544],
        [7.4683, 51.5582],
      ],
      numbers: [2, 102],
      main: false,
    },
    {
      name: 'Forsthausstraße',
      path: [
        [7.4637, 51.5533],
        [7.4626, 51.5562],
        [7.4621, 51.5572],
      ],
      numbers: [4, 70],
      main: false,
    },
    {
      name: 'Schwarzenbergstraße',
      path: [
        [7.4567, 51.5546],
        [7.4607, 51.5553],
        [7.4647, 51.556],
      ],
      numbers: [1, 43],
      main: false,
    },
    {
      name: 'Gitschiner Straße',
      path: [
        [7.4914, 51.554],
        [7.4896, 51.5555],
        [7.4842, 51.5555],
      ],
      numbers: [1, 66],
      main: false,
    },
    {
      name: 'Lüdinghauser Straße',
      path: [
        [7.4739, 51.5557],
        [7.4751, 51.5558],
        [7.4747, 51.5583],
      ],
      numbers: [16, 69],
      main: false,
    },
    {
      name: 'Hänselweg',
      path: [
        [7.4847, 51.5586],
        [7.4913, 51.559],
      ],
      numbers: [2, 67],
      main: false,
    },
    {
      name: 'Süggelberg',
      path: [
        [7.4739, 51.5597],
        [7.4751, 51.5603],
      ],
      numbers: [1, 38],
      main: false,
    },
  ],
  zones: {
    // Kemminghausen, north of the Kemminghauser Straße: family homes, hardly any Kita.
    north: { id: 'north', contains: ([, lat]) => lat > 51.5585 },
    // The eastern settlement towards Derne: no pharmacy within the quarter.
    east: { id: 'east', contains: ([lon]) => lon > 7.488 },
  },
  density: {
    base: 3,
    peaks: [
      { at: [7.464, 51.55], peak: 48, sigmaM: 330 },
      { at: [7.478, 51.551], peak: 60, sigmaM: 420 },
      { at: [7.4875, 51.552], peak: 42, sigmaM: 330 },
      { at: [7.476, 51.5445], peak: 38, sigmaM: 300 },
      { at: [7.4865, 51.5585], peak: 26, sigmaM: 330 },
      { at: [7.462, 51.5555], peak: 38, sigmaM: 280 },
    ],
  },
};
